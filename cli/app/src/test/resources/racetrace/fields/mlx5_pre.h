/*
 * A stand-in for struct mlx5vf_pci_core_device before the fix (docs/research/vfio-pci-bitfields.md §2.2), with its
 * struct mlx5_vhca_page_tracker embedded as in the kernel: opaque blocks of the same size and
 * alignment replace the kernel types around the flags.
 */
struct mlx5_vhca_page_tracker {
	u32 id;
	u32 pdn;
	u8 is_err:1;
	u8 object_changed:1;
	void *uar;
};

struct mlx5vf_pci_core_device {
	_Alignas(8) unsigned char core_device[1024];
	int vf_id;
	u16 vhca_id;
	u8 migrate_cap:1;
	u8 deferred_reset:1;
	u8 mdev_detach:1;
	u8 log_active:1;
	u8 chunk_mode:1;
	u8 mig_state_cap:1;
	_Alignas(8) unsigned char tracker_comp[32];
	struct mlx5_vhca_page_tracker tracker;
};
