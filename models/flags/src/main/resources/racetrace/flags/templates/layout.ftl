# ${about}
# from ${origin}; a line per member in declaration order (see racetrace fields --help)
model  ${model}
layout ${name}
<#if about?has_content>
about  ${about}
</#if>
<#if sizeof gt 0>
sizeof ${sizeof}
</#if>

<#list members as m>
<#if m.kind == "field">
<#if m.run?has_content>
run    ${m.run} ${m.runBytes}
</#if>
field  ${m.name?right_pad(24)} ${m.width} at ${m.at}
<#else>
plain  ${m.name?right_pad(24)} ${m.width}
</#if>
</#list>
<#if stores?has_content>

<#list stores as s>
store  ${s.profile?right_pad(12)} ${s.field?right_pad(24)} ${s.kind?right_pad(8)} ${s.reach}
</#list>
</#if>
