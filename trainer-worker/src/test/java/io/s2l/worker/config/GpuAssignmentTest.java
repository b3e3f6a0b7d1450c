package io.s2l.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuAssignmentTest {

  @Test
  void aMachineWithoutGpusAssignsNone() {
    GpuAssignment none = GpuAssignment.of(0, i -> 0, null);
    assertThat(none.hasGpu()).isFalse();
    assertThat(none.memoryBytes()).isZero();
  }

  @Test
  void aWorkerOwnsTheFirstGpuItSees() {
    GpuAssignment first = GpuAssignment.of(2, i -> (i + 1) * (40L << 30), null);
    assertThat(first.visibleDevices()).contains("0");
    assertThat(first.memoryBytes()).isEqualTo(40L << 30);
    assertThat(first.detected()).isEqualTo(2);
  }

  @Test
  void anInheritedDeviceListNamesThePhysicalGpu() {
    assertThat(GpuAssignment.of(1, i -> 80L << 30, "3").visibleDevices()).contains("3");
    assertThat(GpuAssignment.of(2, i -> 80L << 30, " 2, 5").visibleDevices()).contains("2");
  }
}
