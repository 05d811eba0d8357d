
== verdicts (measure = threads/ops/preemptions/steps after shrinking)
${head}
<#list lines as line>
${line}
</#list>
${tries} tries in ${total} ms
