/**
 * Bridges between the kit's golden data and other suites' formats.
 *
 * <ul>
 *   <li>Export: {@link org.activationtck.interop.OnnxExport} writes the fixtures of the catalog's
 *       onnx dialect as ONNX backend node tests (one folder per operator, dtype and attribute set:
 *       {@code model.onnx} and {@code test_data_set_N/input_0.pb}, {@code output_0.pb}), which
 *       ONNX's backend test runner and ONNX Runtime's {@code onnx_test_runner} read.
 *   <li>Audit: {@link org.activationtck.interop.Audit} reads golden data another suite ships (ONNX
 *       node-test folders, NumPy {@code .npy}/{@code .npz}, a simple CSV or JSON form) and measures
 *       how far each expected value is from the correctly rounded one, and how loose the suite's
 *       tolerance is in ulps.
 * </ul>
 *
 * <p>The ONNX wire format is read and written with protobuf-java's {@code CodedInputStream} and
 * {@code CodedOutputStream} at the field numbers of {@code onnx.proto} ({@link
 * org.activationtck.interop.OnnxProto}); no generated classes.
 */
package org.activationtck.interop;
