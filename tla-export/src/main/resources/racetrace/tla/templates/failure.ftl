<#-- The last clause of the explanation: how the run ended. -->
<#switch kind>
<#case "violated">
<#if steps == 0>
${invariant} fails in the start state<#if detail?has_content>: ${detail}<#elseif description?has_content> (${description})</#if>
<#elseif detail?has_content>
${invariant} fails after step ${steps}: ${detail}
<#elseif description?has_content>
${invariant} (${description}) fails after step ${steps}
<#else>
${invariant} fails after step ${steps}
</#if>
<#break>
<#case "deadlock">
no thread can go on after step ${steps}: ${blocked?join(", ")} blocked
<#break>
<#case "stepLimit">
the run was cut off at the step limit after step ${steps}
<#break>
<#default>
every thread finished after step ${steps} and every invariant held
</#switch>
