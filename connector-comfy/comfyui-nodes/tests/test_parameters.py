import unittest

from flowpack_nodes.parameters import parse_parameters


class ParametersTest(unittest.TestCase):

    def test_key_value_lines_with_comments_and_blanks(self):
        self.assertEqual(parse_parameters("factor = 3\n\n# neural is slow\nupscale.method=lanczos\nname=a=b"),
                         {"factor": "3", "upscale.method": "lanczos", "name": "a=b"})

    def test_json_object_values_become_form_text(self):
        self.assertEqual(parse_parameters(' {"factor": 3, "preview": false, "quality": 0.5, "format": "png"} '),
                         {"factor": "3", "preview": "false", "quality": "0.5", "format": "png"})

    def test_empty_means_no_parameters(self):
        self.assertEqual(parse_parameters(""), {})
        self.assertEqual(parse_parameters(None), {})
        self.assertEqual(parse_parameters("  \n# nothing\n"), {})

    def test_refusals_name_the_problem(self):
        cases = {
            "factor=2\nlanczos": "line 2 'lanczos' is not key=value",
            "=3": "empty name",
            "factor=2\nfactor=3": "'factor' is given twice",
            "template=upscale": "'template' is not a step parameter",
            '{"factor": 2': "not valid JSON",
            '{"factor": [2]}': "'factor' must be a string, number or boolean",
        }
        for text, message in cases.items():
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as caught:
                    parse_parameters(text)
                self.assertIn(message, str(caught.exception))


if __name__ == "__main__":
    unittest.main()
