== ${model}: the history's layouts and the thread's two policies, granularity ${granularity}, assumptions ${assumed}

${"pair"?right_pad(first)}<#list names as n>${n?right_pad(width)}</#list>
<#list rows as r>
${r.pair?right_pad(first)}<#list r.cells as c>${c?right_pad(width)}</#list>
</#list>
${"pairs sharing a unit"?right_pad(first)}<#list sharing as c>${c?right_pad(width)}</#list>
${"pairs racing"?right_pad(first)}<#list racing as c>${c?right_pad(width)}</#list>
${"flag bytes"?right_pad(first)}<#list flagBytes as c>${c?right_pad(width)}</#list>
${"sizeof (measured)"?right_pad(first)}<#list sizeof as c>${c?right_pad(width)}</#list>

RACES: the minimal counterexample races under each assumption's other value too; races(A): only while
assumption A keeps the value above (with the other one the same scenario explores without the loss);
safe: every scenario of the pair's scope explored, no lost update; cut: no loss found, but a search
stopped at --max-states before the end (inconclusive); -: the two share no storage unit;
n/a: the layout lacks a field. Flag bytes: the runs plus the plain members (holes not counted);
sizeof: the struct's size where measured (the notes' mock, GCC 12 x86-64).
<#list abouts as a>
  ${a}
</#list>


== the answer (${model}, granularity ${granularity}; assumed ${assumed}; base ${base}, merged fix ${merged})
<#list setups as s>
setup-only, setup = ${s.reading}:
   plain ${s.plain}; pairs racing: ${s.racing}; the merged fix: <#if s.merged>yes, the same fields plain<#else>no (${s.difference})</#if>
</#list>
point fixes (every smallest set of fields made plain that leaves no pair racing<#if fixes?size gt 1>; ${fixes?size}, tied</#if>):
<#list fixes as f>
   ${f.set}<#if f.left?has_content>  leaves written at run time in a bitfield run: ${f.left}</#if>
</#list>
<#if !fixes?has_content>
   none needed: no pair races in ${base}
</#if>
assumptions:
<#list conditional as c>
   ${c}
</#list>
<#if !conditional?has_content>
   no race of ${base} rests on an assumption
</#if>
<#if otherValues?has_content>
   with ${otherValues}: point fixes ${otherFixes}; setup-only (the merged commit's rule) pairs racing: ${otherSetupRaces}
</#if>
conclusion: ${conclusion}
