/**
 * The storage-unit flags model families {@code vfio-pci} ({@link racetrace.flags.VfioPciFamily})
 * and {@code mlx5} ({@link racetrace.flags.Mlx5Family}): bitfield stores as load, modify, store of
 * the units they reach, under the writers' locks and contexts, in every layout of the history.
 *
 * <p>"The notes", "research notes" and "§" in this package (and in {@code StorageFlags.tla} and the
 * bundled layout files) are {@code docs/research/vfio-pci-bitfields.md} in racetrace's
 * repository: "§2.1" names a section, "§3 bardirty row 2" the second row of {@code bardirty} in
 * the writers table of §3 (the tables number each flag's rows).
 */
package racetrace.flags;
