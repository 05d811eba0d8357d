
racetrace: ${what} in ${instance} (${measure})<#if expected>, as @Found records</#if>
   found by ${origin}
<#if minimal?has_content>
   minimal:  ${minimal}
</#if>
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
<#if !registered>
        (it finds model ${family} through META-INF/services/racetrace.engine.ModelFamily, where no family of that name is registered yet)
</#if>
</#if>
