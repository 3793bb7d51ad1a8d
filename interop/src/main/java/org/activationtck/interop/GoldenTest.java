package org.activationtck.interop;

import java.util.List;

/**
 * One test of another suite's golden data: what it computes and its data sets.
 *
 * @param name the test's name (the ONNX folder name, the file name, or the JSON test's name)
 * @param origin the file or folder it was read from
 * @param description the operation as the suite states it, e.g. {@code Elu alpha=2.0 (opset 6)}
 * @param reference how to compute the correctly rounded outputs; {@code null} when skipped
 * @param dataSets inputs and expected outputs (only the first output of each is audited)
 * @param skipped why the test is not audited, or {@code null}
 */
public record GoldenTest(String name, String origin, String description, Reference reference,
    List<NodeTestFolder.DataSet> dataSets, String skipped) {

  public GoldenTest {
    dataSets = List.copyOf(dataSets);
  }

  static GoldenTest skip(String name, String origin, String description, String why) {
    return new GoldenTest(name, origin, description, null, List.of(), why);
  }
}
