/*
 * The MKL inside libtorch (DJL's PyTorch natives) asks mkl_serv_intel_cpu_true() whether it runs
 * on an Intel CPU, and on any other CPU keeps to its AVX2 kernels, even when the CPU has AVX-512.
 * Preloaded into a trainer worker (LD_PRELOAD), this answers yes, so MKL picks its kernels from
 * the CPU's feature flags alone: on an AMD CPU with AVX-512, about twice the float32 matmul
 * throughput on training shapes (benchmarks/training/README.md). Runs stay deterministic; the
 * results differ in the last bits from the AVX2 kernels' (another summation order).
 *
 * Only for CPUs that have the instructions MKL then selects: it still reads the CPUID feature
 * flags, so a CPU without AVX-512 gets the AVX2 kernels as before.
 *
 * Build: cc -shared -fPIC -O2 -o libmkl_intel_dispatch.so mkl_intel_dispatch.c
 */
int mkl_serv_intel_cpu_true(void) { return 1; }
