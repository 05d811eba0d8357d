<#-- One column per thread; the last column lists what the step changed. -->
start: ${start}
${head?join("  ")}
<#list rows as row>
${row?join("  ")?trim}
</#list>
=> ${end}
<#if note?has_content>
   (${note})
</#if>
