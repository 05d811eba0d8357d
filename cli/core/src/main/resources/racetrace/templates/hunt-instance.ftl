<#-- One hunted instance on standard output: its verdict line, then each violation's minimal case and table. -->
== ${instance} (instance ${index} of ${count}): <#if verdict == "violated">violated: <#list findings as f>${f.invariant}<#sep>, </#list>${condition}<#else>${verdictText}</#if> in ${time}
<#if verdict == "violated" && cutShort?has_content>
   the other invariants: ${cutShort}
</#if>
<#list findings as f>

-- ${f.invariant}<#if f.deadlock> (a deadlock: no thread can step and some have not finished)</#if>${f.condition}: ${f.measure}; ${f.minimal}
   race: ${f.explanation}
<#list f.assumes as a>
   assumes: ${a}
</#list>
   replay: racetrace replay${replayOptions} ${f.schedule}

${f.table}
</#list>

