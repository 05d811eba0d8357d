${instance}
scenario: ${scenario}
schedule: ${schedule}

${table}
measure: ${measure}
<#if notices?has_content>
give-ups:
<#list notices as n>
  ${n}
</#list>
</#if>
