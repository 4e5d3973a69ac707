// folk: the headless command line (replaced by the CLI work: mask, bench, ...).
#include <cstdio>
int main() { std::puts("folk " FOLK_VERSION); return 0; }
