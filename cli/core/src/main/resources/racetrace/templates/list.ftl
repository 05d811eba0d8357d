<#list families as f>
${f.name}: ${f.description}
  variants:
<#list f.variants as v>
    ${v}
</#list>
<#if f.options?has_content>
  options:
<#list f.options as o>
    ${o}
</#list>
</#if>
  invariants:
<#list f.invariants as i>
    ${i}
</#list>
  bounds:
<#list f.params as p>
    ${p}
</#list>
<#list f.actors as a>
    ${a}
</#list>

</#list>
