# ${invariant} violated in ${instance}

Found by ${origin} and shrunk to ${measure}.

Scenario: ${scenario}

```
${table}```

Replay it:

```
racetrace replay ${schedule}
```

## TLC

${tlc}
<#if exported>

Files: `${tla}`, `${cfg}` (constants and invariant), `${json}` (states and actions).
Run TLC on the trace yourself:

```
cd ${directory}
${tlcCommand}
```
</#if>
<#if hasSpec>

TLC's shortest counterexample for the same scenario: `racetrace tlc --from '${schedule}'`.
</#if>
