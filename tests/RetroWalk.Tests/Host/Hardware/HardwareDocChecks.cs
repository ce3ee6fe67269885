using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RetroWalk.Core.Board;
using RetroWalk.Host.Paths;

namespace RetroWalk.Tests.Host.Hardware
{
    /// <summary>The firmware's pin constants, read from <see cref="BoardPins"/> by reflection so a new pin is checked too.</summary>
    internal static class FirmwarePins
    {
        /// <summary>Every public int constant of BoardPins, by name.</summary>
        public static IReadOnlyDictionary<string, int> AllConstants()
        {
            return typeof(BoardPins).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(int))
                .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue());
        }

        /// <summary>
        /// The constants that are ESP32 GPIO numbers: all of them except bus ids, bus addresses and ADC channel numbers, so a pin added to
        /// BoardPins later must appear in the docs without anyone touching this test.
        /// </summary>
        public static IReadOnlyDictionary<string, int> Gpios()
        {
            return AllConstants().Where(kv => !IsNonGpio(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        public static bool IsNonGpio(string name)
        {
            return name.EndsWith("BusId", StringComparison.Ordinal) || name.EndsWith("Address", StringComparison.Ordinal)
                || name.EndsWith("Channel", StringComparison.Ordinal);
        }
    }

    /// <summary>Files under hardware/, found from the repository root.</summary>
    internal static class HardwareFiles
    {
        public static string Dir => Path.Combine(SharedPaths.RepoRoot, "hardware");

        public static string Read(string relative)
        {
            var path = Path.Combine(Dir, relative);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"hardware/{relative} is missing (expected at {path})", path);
            }
            return File.ReadAllText(path);
        }
    }

    /// <summary>
    /// Checks that the pin table (markdown) and the wiring diagram (SVG) state the same pins as the firmware.
    /// Each check returns the list of disagreements, empty when all is well, so a failing test says exactly what is wrong.
    /// </summary>
    internal static class PinDocChecks
    {
        private static readonly Regex GpioText = new Regex(@"GPIO\s?(\d+)", RegexOptions.Compiled);
        private static readonly Regex ConstantRef = new Regex(@"BoardPins\.([A-Z]\w*)", RegexOptions.Compiled);

        /// <summary>
        /// pins.md: every table row whose "Firmware constant" cell names a BoardPins constant must give the same value
        /// in its "ESP32 pin" (GPIOnn) or "Address" (0xNN) cell, every GPIO constant must have exactly one such row, and
        /// every BoardPins.X mentioned anywhere must exist.
        /// </summary>
        public static List<string> CheckPinTable(string markdown, IReadOnlyDictionary<string, int> constants)
        {
            var problems = new List<string>();
            var gpioNames = constants.Keys.Where(n => !FirmwarePins.IsNonGpio(n)).ToList();
            var rowsPerConstant = new Dictionary<string, int>();

            foreach (Match m in ConstantRef.Matches(markdown))
            {
                if (!constants.ContainsKey(m.Groups[1].Value))
                {
                    problems.Add($"pins.md mentions BoardPins.{m.Groups[1].Value}, which the firmware does not define");
                }
            }

            foreach (var table in MarkdownTables(markdown))
            {
                int constantCol = table.Header.FindIndex(h => h.Equals("Firmware constant", StringComparison.OrdinalIgnoreCase));
                if (constantCol < 0)
                {
                    continue;
                }
                int pinCol = table.Header.FindIndex(h => h.Equals("ESP32 pin", StringComparison.OrdinalIgnoreCase));
                int addressCol = table.Header.FindIndex(h => h.Equals("Address", StringComparison.OrdinalIgnoreCase));
                foreach (var row in table.Rows)
                {
                    if (constantCol >= row.Count)
                    {
                        problems.Add($"pins.md row '{string.Join(" | ", row)}' has no firmware-constant cell");
                        continue;
                    }
                    var m = ConstantRef.Match(row[constantCol]);
                    if (!m.Success)
                    {
                        problems.Add($"pins.md row '{string.Join(" | ", row)}' does not name a BoardPins constant");
                        continue;
                    }
                    string name = m.Groups[1].Value;
                    if (!constants.TryGetValue(name, out int expected))
                    {
                        continue; // already reported above
                    }
                    rowsPerConstant[name] = rowsPerConstant.TryGetValue(name, out int n) ? n + 1 : 1;
                    if (FirmwarePins.IsNonGpio(name))
                    {
                        if (addressCol >= 0 && addressCol < row.Count)
                        {
                            int? stated = ParseNumber(row[addressCol]);
                            if (stated != expected)
                            {
                                problems.Add($"pins.md gives {name} as '{row[addressCol]}', the firmware says 0x{expected:X2}");
                            }
                        }
                        continue;
                    }
                    string pinCell = pinCol >= 0 && pinCol < row.Count ? row[pinCol] : "";
                    var g = Regex.Match(pinCell, @"^`?GPIO\s?(\d+)`?$");
                    if (!g.Success)
                    {
                        problems.Add($"pins.md row for {name} has ESP32 pin '{pinCell}', expected GPIO{expected}");
                    }
                    else if (int.Parse(g.Groups[1].Value, CultureInfo.InvariantCulture) != expected)
                    {
                        problems.Add($"pins.md gives {name} as {pinCell}, the firmware (BoardPins.{name}) says GPIO{expected}");
                    }
                }
            }

            foreach (var name in gpioNames)
            {
                rowsPerConstant.TryGetValue(name, out int count);
                if (count != 1)
                {
                    problems.Add($"pins.md has {count} table rows for BoardPins.{name} (GPIO{constants[name]}); expected exactly 1");
                }
            }
            if (constants.ContainsKey("Mpu6050Address") && !rowsPerConstant.ContainsKey("Mpu6050Address"))
            {
                problems.Add("pins.md has no row for BoardPins.Mpu6050Address");
            }
            return problems;
        }

        /// <summary>
        /// wiring.svg: elements carrying data-signal/data-gpio must match BoardPins; every GPIO constant must be drawn;
        /// anything else drawn must be marked data-optional and must not take a firmware pin; every visible "GPIOnn" label
        /// must agree with the element it sits in and with the firmware; the MPU6050 must be labelled with its address.
        /// </summary>
        public static List<string> CheckWiringSvg(string svg, IReadOnlyDictionary<string, int> constants)
        {
            var problems = new List<string>();
            XDocument doc;
            try
            {
                doc = XDocument.Parse(svg);
            }
            catch (System.Xml.XmlException e)
            {
                problems.Add($"wiring.svg is not well-formed XML: {e.Message}");
                return problems;
            }

            var gpios = constants.Where(kv => !FirmwarePins.IsNonGpio(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
            var firmwareNumbers = new HashSet<int>(gpios.Values);
            var optionalNumbers = new HashSet<int>();
            var drawn = new HashSet<string>();

            foreach (var el in doc.Descendants().Where(e => e.Attribute("data-signal") != null || e.Attribute("data-gpio") != null))
            {
                string signal = (string)el.Attribute("data-signal");
                string gpioAttr = (string)el.Attribute("data-gpio");
                bool optional = string.Equals((string)el.Attribute("data-optional"), "true", StringComparison.OrdinalIgnoreCase);
                if (signal == null || gpioAttr == null || !int.TryParse(gpioAttr, NumberStyles.Integer, CultureInfo.InvariantCulture, out int gpio))
                {
                    problems.Add($"wiring.svg element <{el.Name.LocalName}> needs both data-signal and a numeric data-gpio (has '{signal}', '{gpioAttr}')");
                    continue;
                }

                if (gpios.TryGetValue(signal, out int expected))
                {
                    drawn.Add(signal);
                    if (optional)
                    {
                        problems.Add($"wiring.svg marks firmware pin {signal} as optional");
                    }
                    if (gpio != expected)
                    {
                        problems.Add($"wiring.svg draws {signal} on GPIO{gpio}, the firmware (BoardPins.{signal}) says GPIO{expected}");
                    }
                }
                else if (optional)
                {
                    optionalNumbers.Add(gpio);
                    if (firmwareNumbers.Contains(gpio))
                    {
                        var owner = gpios.First(kv => kv.Value == gpio).Key;
                        problems.Add($"wiring.svg puts optional signal {signal} on GPIO{gpio}, which the firmware uses for {owner}");
                    }
                }
                else
                {
                    problems.Add($"wiring.svg signal '{signal}' is neither a BoardPins constant nor marked data-optional=\"true\"");
                }

                var labels = GpioText.Matches(el.Value).Cast<Match>().Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
                if (labels.Count == 0)
                {
                    problems.Add($"wiring.svg element for {signal} (GPIO{gpio}) has no visible 'GPIO{gpio}' label");
                }
                foreach (var shown in labels.Where(n => n != gpio))
                {
                    problems.Add($"wiring.svg element for {signal} is tagged GPIO{gpio} but its label reads GPIO{shown}");
                }
            }

            foreach (var name in gpios.Keys.Where(n => !drawn.Contains(n)))
            {
                problems.Add($"wiring.svg does not draw BoardPins.{name} (GPIO{gpios[name]}); tag its wire with data-signal=\"{name}\" data-gpio=\"{gpios[name]}\"");
            }

            // Any GPIO number anywhere in the drawing must be a firmware pin or a declared optional one.
            foreach (var text in doc.Descendants().Where(e => e.Name.LocalName == "text"))
            {
                foreach (Match m in GpioText.Matches(text.Value))
                {
                    int n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    if (!firmwareNumbers.Contains(n) && !optionalNumbers.Contains(n))
                    {
                        problems.Add($"wiring.svg label '{text.Value}' names GPIO{n}, which is neither a firmware pin nor a tagged optional one");
                    }
                }
            }

            if (constants.TryGetValue("Mpu6050Address", out int address))
            {
                var chip = doc.Descendants().FirstOrDefault(e => e.Attribute("data-i2c-address") != null);
                if (chip == null)
                {
                    problems.Add("wiring.svg has no element with data-i2c-address for the MPU6050");
                }
                else
                {
                    string stated = (string)chip.Attribute("data-i2c-address");
                    if (ParseNumber(stated) != address)
                    {
                        problems.Add($"wiring.svg gives the MPU6050 address as {stated}, the firmware says 0x{address:X2}");
                    }
                    var shown = Regex.Matches(chip.Value, @"0x[0-9A-Fa-f]{2}").Cast<Match>().Select(m => ParseNumber(m.Value)).ToList();
                    if (!shown.Contains(address) || shown.Any(v => v != address))
                    {
                        problems.Add($"wiring.svg MPU6050 label must read 0x{address:X2}");
                    }
                }
            }
            return problems;
        }

        /// <summary>Parses "0x68", "`0x68`" or "104".</summary>
        public static int? ParseNumber(string cell)
        {
            var s = (cell ?? "").Trim().Trim('`').Trim();
            var hex = Regex.Match(s, @"^0x([0-9A-Fa-f]+)");
            if (hex.Success)
            {
                return int.Parse(hex.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : (int?)null;
        }

        internal sealed class MarkdownTable
        {
            public List<string> Header = new List<string>();
            public List<List<string>> Rows = new List<List<string>>();
        }

        /// <summary>GitHub-style pipe tables: a header row, a |---| separator, then rows until a line without a pipe.</summary>
        public static List<MarkdownTable> MarkdownTables(string markdown)
        {
            var tables = new List<MarkdownTable>();
            var lines = markdown.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i + 1 < lines.Length; i++)
            {
                if (!IsTableLine(lines[i]) || !Regex.IsMatch(lines[i + 1].Trim(), @"^\|?\s*:?-{3,}"))
                {
                    continue;
                }
                var table = new MarkdownTable { Header = Cells(lines[i]) };
                int j = i + 2;
                for (; j < lines.Length && IsTableLine(lines[j]); j++)
                {
                    table.Rows.Add(Cells(lines[j]));
                }
                tables.Add(table);
                i = j - 1;
            }
            return tables;
        }

        private static bool IsTableLine(string line)
        {
            return line.TrimStart().StartsWith("|", StringComparison.Ordinal);
        }

        private static List<string> Cells(string line)
        {
            var t = line.Trim();
            if (t.StartsWith("|", StringComparison.Ordinal))
            {
                t = t.Substring(1);
            }
            if (t.EndsWith("|", StringComparison.Ordinal))
            {
                t = t.Substring(0, t.Length - 1);
            }
            return t.Split('|').Select(c => c.Trim()).ToList();
        }
    }
}
