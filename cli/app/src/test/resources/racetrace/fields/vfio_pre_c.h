/*
 * A stand-in for struct vfio_pci_core_device at 7.2-rc1 (variant C of the research notes
 * docs/research/vfio-pci-bitfields.md §2.1): the
 * members before rbar are one opaque block of the same size, so the flags land where the notes'
 * mock puts them (rbar at 688, the bitfield run at rbar+28); the members after them up to the
 * first pointer keep their types.
 */
struct vfio_pci_core_device {
	unsigned char		before_rbar[688];
	u32			rbar[7];
	bool			has_dyn_msix:1;
	bool			pci_2_3:1;
	bool			virq_disabled:1;
	bool			reset_works:1;
	bool			extended_caps:1;
	bool			bardirty:1;
	bool			has_vga:1;
	bool			needs_reset:1;
	bool			nointx:1;
	bool			needs_pm_restore:1;
	bool			pm_intx_masked:1;
	bool			pm_runtime_engaged:1;
	bool			disable_idle_d3:1;
	bool			sriov_active;
	void			*pci_saved_state;
	void			*pm_save;
	int			ioeventfds_nr;
};
