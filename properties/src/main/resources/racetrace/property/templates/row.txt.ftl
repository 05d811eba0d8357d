
racetrace: ${instance}: ${invariant} violated${condition} (${measure})<#if expected>, as the table records</#if>
   found by ${origin}
   minimal:  ${minimal}
<#list assumes as a>
   assumes:  ${a}
</#list>
<#if !expected>
${table}
</#if>
replay: ${replay}
TLC:    ${tlc}
bundle: ${directory}
<#if !expected>
<#list files as f>
        ${f}
</#list>
        (${test} replays this schedule and asserts the violation: copy it into src/test/java to keep it)
</#if>
