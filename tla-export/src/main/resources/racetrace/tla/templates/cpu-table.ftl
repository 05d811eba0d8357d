<#-- A marker column (> a preemption, * a racing step), one column per thread; the last lists what each step read and changed. -->
<#list start as line>
${line}
</#list>
<#list head as line>
${line}
</#list>
<#list rows as row>
${row}
</#list>
=> ${end}
<#if note?has_content>
   (${note})
</#if>
<#if racing || preemptions>
   (<#if preemptions>> a preemption: the thread of the step before could have gone on<#if racing>; </#if></#if><#if racing>* the racing steps the sentence names</#if>)
</#if>
