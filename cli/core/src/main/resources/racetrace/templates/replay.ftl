${instance}
scenario: ${scenario}
schedule: ${schedule}

${explanation}

${table}
measure: ${measure}
<#if notices?has_content>
give-ups:
<#list notices as n>
  ${n}
</#list>
</#if>
