struct broken {
	struct mutex lock;
	bool a:1;
};
