${instance}
scenario: ${scenario}
schedule: ${schedule}
<#if bundle?has_content>
bundle:   made with ${bundle}; the model has not changed since
</#if>

${explanation}

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
