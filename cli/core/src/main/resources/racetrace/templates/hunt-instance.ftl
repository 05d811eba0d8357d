== ${instance}: <#if findings?has_content>VIOLATED (${findings?size} invariant<#if findings?size != 1>s</#if>${condition})<#else>${verdict}</#if> in ${millis} ms (seed ${seed}, strategy ${strategy})
   searched: ${evidence}
<#if cutShort?has_content>
   ${cutShort}: the work bound was not reached
</#if>
<#list findings as f>

-- ${f.invariant} violated${f.condition} (found by ${f.foundBy}<#if f.tryNumber gt 0> after ${f.tryNumber} random runs</#if><#if f.scenarios gt 0> after ${f.scenarios} explored scenarios</#if>, ${f.millisToFirst} ms; shrunk in ${f.millisToShrink} ms from ${f.original})
   race:     ${f.explanation}
   measure:  ${f.measure}
<#list f.assumes as a>
   assumes:  ${a}
</#list>
   minimal:  ${f.minimality}
<#if f.stepShortest?has_content>
   shortest: ${f.stepShortest}
</#if>
   scenario: ${f.scenario}
   replay:   racetrace replay${replayOptions} ${f.schedule}

${f.table}
</#list>
<#if deadlocks gt 0>
   ${deadlocks} runs or states deadlocked; first: racetrace replay${replayOptions} ${deadlockCase}
</#if>
<#if stepLimits gt 0>
   ${stepLimits} runs hit the step limit
</#if>
<#if withNotices gt 0>
   ${withNotices} runs or transitions took a designed give-up path; first: ${firstNotice}
</#if>

