== ${instance}: <#if findings?has_content>VIOLATED (${findings?size} invariant<#if findings?size != 1>s</#if>)<#else>held</#if> after ${tries} tries in ${millis} ms (seed ${seed})
<#if !findings?has_content>
   no invariant violated in ${tries} random scenarios and schedules
</#if>
<#list findings as f>

-- ${f.invariant} violated (first at try ${f.tryNumber}, ${f.millisToFirst} ms; shrunk in ${f.millisToShrink} ms from ${f.original})
   measure:  ${f.measure}
   scenario: ${f.scenario}
   replay:   racetrace replay ${f.schedule}

${f.table}
</#list>
<#if deadlocks gt 0>
   ${deadlocks} runs deadlocked; first: racetrace replay ${deadlockCase}
</#if>
<#if stepLimits gt 0>
   ${stepLimits} runs hit the step limit
</#if>
<#if withNotices gt 0>
   ${withNotices} runs took a designed give-up path; first: ${firstNotice}
</#if>
