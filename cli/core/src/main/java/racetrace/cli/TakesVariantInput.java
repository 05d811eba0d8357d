package racetrace.cli;

/**
 * A command, or a mixin of one, that takes the plug-ins' variant-input options: the command line
 * adds each plug-in's option to the command and hands it to {@link #variantInputs()}.
 */
interface TakesVariantInput {

    VariantInputs variantInputs();
}
