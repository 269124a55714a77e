import unittest


def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


class FizzBuzzTest(unittest.TestCase):
    def test_numbers(self):
        self.assertEqual(fizzbuzz(1), "1")
        self.assertEqual(fizzbuzz(2), "2")

    def test_fizz(self):
        for n in (3, 6, 9):
            with self.subTest(n=n):
                self.assertEqual(fizzbuzz(n), "Fizz")

    def test_buzz(self):
        self.assertEqual(fizzbuzz(10), "Buzz")

    def test_wrong_expectation(self):
        self.assertEqual(fizzbuzz(15), "Fizz")

    def test_list(self):
        self.assertEqual([fizzbuzz(n) for n in range(1, 6)], ["1", "2", "Fizz", "4", "Buzz"])


class Skipped(unittest.TestCase):
    @unittest.skip("demonstration")
    def test_nothing(self):
        pass


if __name__ == "__main__":
    print("running")
    unittest.main()
