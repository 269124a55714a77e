import unittest


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass

    def text(self):
        """What was written, with file paths reduced to their last
        component and the run's time left out."""
        out = []
        for line in "".join(self.parts).splitlines(True):
            if 'File "' in line:
                head, rest = line.split('File "', 1)
                path, tail = rest.split('"', 1)
                line = head + 'File "' + path.replace("\\", "/").rsplit("/", 1)[-1] + '"' + tail
            if line.startswith("Ran ") and " in " in line:
                line = line.split(" in ")[0] + " in TIME\n"
            out.append(line)
        return "".join(out)


events = []


class Calculator(unittest.TestCase):
    """Tests of plain arithmetic."""

    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        self.values = [1, 2, 3]
        events.append("setUp " + self._testMethodName)

    def tearDown(self):
        events.append("tearDown " + self._testMethodName)

    def test_add(self):
        """Adding works."""
        self.assertEqual(sum(self.values), 6)
        self.assertNotEqual(1, 2)
        self.assertTrue(self.values)
        self.assertFalse([])
        self.assertIs(None, None)
        self.assertIsNot(1, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, self.values)
        self.assertNotIn(5, self.values)
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(1, 1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertListEqual([1], [1])
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertSetEqual({1, 2}, {2, 1})
        self.assertTupleEqual((1,), (1,))
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        self.assertRaises(KeyError, {}.__getitem__, "x")

    def test_fails(self):
        self.assertEqual(2 + 2, 5)

    def test_fails_with_msg(self):
        self.assertTrue(0, "zero is falsy")

    def test_error(self):
        raise RuntimeError("boom")

    @unittest.skip("not ready")
    def test_skipped(self):
        pass

    @unittest.skipIf(True, "condition held")
    def test_skipped_if(self):
        pass

    @unittest.skipUnless(True, "never shown")
    def test_not_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_skip_inside(self):
        self.skipTest("decided at run time")

    def test_cleanup(self):
        self.addCleanup(events.append, "cleanup ran")


class Messages(unittest.TestCase):
    maxDiff = None

    def check(self, func, *args, **kwargs):
        try:
            func(*args, **kwargs)
        except AssertionError as e:
            return str(e)
        return "no failure"

    def test_messages(self):
        results = [
            self.check(self.assertEqual, 1, 2),
            self.check(self.assertEqual, 1, 2, "custom"),
            self.check(self.assertNotEqual, 3, 3),
            self.check(self.assertTrue, []),
            self.check(self.assertFalse, "x"),
            self.check(self.assertIs, 1, None),
            self.check(self.assertIsNot, None, None),
            self.check(self.assertIsNone, 5),
            self.check(self.assertIsNotNone, None),
            self.check(self.assertIn, 4, [1, 2]),
            self.check(self.assertNotIn, 1, [1, 2]),
            self.check(self.assertIsInstance, 1, str),
            self.check(self.assertNotIsInstance, 1, int),
            self.check(self.assertAlmostEqual, 1.0, 1.1),
            self.check(self.assertAlmostEqual, 1.0, 1.5, delta=0.1),
            self.check(self.assertNotAlmostEqual, 1.0, 1.0000000001),
            self.check(self.assertGreater, 1, 2),
            self.check(self.assertGreaterEqual, 1, 2),
            self.check(self.assertLess, 2, 1),
            self.check(self.assertLessEqual, 2, 1),
            self.check(self.assertSetEqual, {1, 2}, {2, 3}),
            self.check(self.assertCountEqual, [1, 1, 2], [1, 2, 2]),
            self.check(self.assertEqual, "x" * 100, "x" * 99 + "y"),
            self.check(self.assertRaises(ValueError).__exit__, None, None, None),
            self.check(self.assertRaises, ValueError, len, "abc"),
            self.check(self.fail, "explicit"),
            self.check(self.fail),
        ]
        for r in results:
            print(r)
            print("--")


suite = unittest.TestLoader().loadTestsFromTestCase(Calculator)
print(suite.countTestCases(), [t._testMethodName for t in suite])
stream = Stream()
result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
print(stream.text(), end="")
print(result, result.wasSuccessful(), result.testsRun, len(result.failures), len(result.errors),
      len(result.skipped), len(result.expectedFailures), len(result.unexpectedSuccesses))
print(events)

stream = Stream()
unittest.TextTestRunner(stream=stream, verbosity=2).run(unittest.TestLoader().loadTestsFromTestCase(Calculator))
print(stream.text(), end="")

Messages("test_messages").run()
test = Calculator("test_add")
print(str(test), repr(test), test.id(), test.shortDescription(), test.countTestCases())
print(Calculator("test_fails") == Calculator("test_fails"), Calculator("test_fails") != test)
try:
    Calculator("test_missing")
except ValueError as e:
    print("ValueError:", str(e).replace("__main__.", ""))
func_case = unittest.FunctionTestCase(lambda: None, description="a function test")
print(func_case.shortDescription(), unittest.TestSuite([func_case]).countTestCases())
passing = unittest.TestSuite()
passing.addTest(Calculator("test_add"))
passing.addTests([Calculator("test_cleanup")])
stream = Stream()
print(unittest.TextTestRunner(stream=stream).run(passing).wasSuccessful())
print(stream.text(), end="")
