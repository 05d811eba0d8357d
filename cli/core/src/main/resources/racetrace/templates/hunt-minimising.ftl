<#-- The cases an invariant's minimisation starts from, when a unit after the first finding held a smaller one: printed (on stderr) before it starts. -->
${instance}: ${invariant}: minimising from <#if cases?size gt 1>${cases?size} cases, the smallest in hand (one per configuration) and the one found first; the smallest result wins<#else>the smallest case in hand</#if>:
<#list cases as c>
   ${c.measure}, found by ${c.foundBy}<#if c.runs gt 0> after ${c.runs} random runs</#if><#if c.scenarios gt 0> after ${c.scenarios} explored scenarios</#if>: racetrace replay${replayOptions} ${c.schedule}
</#list>
