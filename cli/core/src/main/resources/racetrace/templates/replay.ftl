${instance}
scenario: ${scenario}
schedule: ${schedule}

${table}
measure: ${measure}
<#list assumes as a>
assumes: ${a}
</#list>
<#if notices?has_content>
give-ups:
<#list notices as n>
  ${n}
</#list>
</#if>
