# ${invariant} violated in ${instance}

Found by `racetrace hunt` (seed ${seed}, try ${tryNumber}) and shrunk to ${measure}.

Scenario: ${scenario}

```
${table}```

Replay it:

```
racetrace replay ${schedule}
```

## TLC

${tlc}

Files: `${tla}`, `${cfg}` (constants and invariant), `${json}` (states and actions).
Run TLC on the trace yourself:

```
cd ${directory}
${tlcCommand}
```

TLC's shortest counterexample for the same scenario: `racetrace tlc --from '${schedule}'`.
