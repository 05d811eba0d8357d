== verdicts (measure = threads/ops/preemptions/steps after shrinking; (min): proven minimal within the scope of its threads and ops, (min/scn): within its scenario)
${head}
<#list lines as line>
${line}
</#list>
${tries} random runs in ${total} ms
