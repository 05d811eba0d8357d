<#-- The race in one sentence (Explainer): o and q are X's accesses, r and p Y's (r = p unless sameYStep is false). -->
<#switch pattern>
<#case "LOST_UPDATE">
${q.who}'s store of ${q.name} at step ${q.step} overwrote ${p.who}'s store of ${p.meant} at step ${p.step} (${q.who} had read ${o.name} at step ${o.step}, before it); ${failure}
<#break>
<#case "NON_REPEATABLE_READ">
${p.who}'s store of ${p.meant} at step ${p.step} came between ${q.who}'s reads of ${q.name} at steps ${o.step} (${o.value}) and ${q.step} (${q.value}); ${failure}
<#break>
<#case "DIRTY_READ">
${p.who}'s read of ${p.name} at step ${p.step} returned ${o.who}'s store of ${o.meant} at step ${o.step} (${p.value}), which ${q.who}'s store at step ${q.step} then replaced; ${failure}
<#break>
<#case "OVERWRITTEN_BEFORE_READ">
${p.who}'s store of ${p.meant} at step ${p.step} overwrote ${o.who}'s store of ${o.meant} at step ${o.step} before ${q.who} read ${q.name} back at step ${q.step} (${q.value}); ${failure}
<#break>
<#case "INTERLEAVED_STORES">
${p.who}'s store of ${p.meant} at step ${p.step} came between ${q.who}'s stores of ${q.name} at steps ${o.step} and ${q.step}; ${failure}
<#break>
<#case "SPLIT">
${r.who}'s ${r.kind} of ${r.name} at step ${r.step}<#if !sameYStep> and ${p.kind} of ${p.name} at step ${p.step}</#if> came between ${o.who}'s ${o.kind} of ${o.name} at step ${o.step} and its ${q.kind} of ${q.name} at step ${q.step}; ${failure}
<#break>
<#case "DIRECT">
<#if q.kind == "store" && p.kind == "store">
${q.who}'s store of ${q.name} at step ${q.step} overwrote ${p.who}'s store of ${p.meant} at step ${p.step}; ${failure}
<#elseif q.kind == "read">
${q.who}'s read of ${q.name} at step ${q.step} returned ${p.who}'s store of ${p.meant} at step ${p.step} (${q.value}); ${failure}
<#else>
${q.who}'s store of ${q.meant} at step ${q.step} came after ${p.who}'s read of ${p.name} at step ${p.step} (${p.value}); ${failure}
</#if>
<#break>
<#default>
no access of one thread conflicts with another's, so no race between threads; ${failure}
</#switch>
