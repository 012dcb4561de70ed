package dev.flaskj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Python's {@code repr(float)} and {@code json.dumps(float)}; every expected text is what CPython 3 prints for
 * {@code repr(x)} and {@code json.dumps(x)}.
 */
class PyFloatTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2e23                | 2e+23                  | 2e+23
            4.9e-324            | 5e-324                 | 5e-324
            1e16                | 1e+16                  | 1e+16
            9999999999999998    | 9999999999999998.0     | 9999999999999998.0
            1e15                | 1000000000000000.0     | 1000000000000000.0
            0.1                 | 0.1                    | 0.1
            0.0001              | 0.0001                 | 0.0001
            1e-7                | 1e-07                  | 1e-07
            123456789012345678  | 1.2345678901234568e+17 | 1.2345678901234568e+17
            1.5e300             | 1.5e+300               | 1.5e+300
            -2.5                | -2.5                   | -2.5
            0.0                 | 0.0                    | 0.0
            -0.0                | -0.0                   | -0.0
            Infinity            | inf                    | Infinity
            -Infinity           | -inf                   | -Infinity
            NaN                 | nan                    | NaN
            """)
    void reprAndJsonAsPythonPrintsThem(String javaLiteral, String repr, String json) {
        double d = Double.parseDouble(javaLiteral);
        assertEquals(repr, PyFloat.repr(d));
        assertEquals(json, PyFloat.json(d));
    }
}
