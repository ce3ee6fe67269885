using System.Globalization;
using RetroWalk.Host.Recordings;

namespace RetroWalk.Host.Emulation;

/// <summary>
/// Reads the simplest recording there is: one raw MPU-6050 sample per line, "ax,ay,az,gx,gy,gz" in sensor counts at the
/// configured ranges and rate; '#' starts a comment and a non-numeric first line is a header. The dataset readers
/// (Recordings/) replace this in `retrowalk simulate` once merged.
/// </summary>
public static class RawSampleCsv
{
    public static IEnumerable<RawSample> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"recording not found: {path}", path);
        }

        int lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',', ';', '\t');
            var values = new short[6];
            bool ok = cells.Length == 6;
            for (int i = 0; ok && i < 6; i++)
            {
                ok = short.TryParse(cells[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]);
            }

            if (!ok)
            {
                if (lineNumber == 1 && !char.IsDigit(line[0]) && line[0] != '-')
                {
                    continue;
                }

                throw new FormatException($"{path}:{lineNumber}: expected 6 integer columns ax,ay,az,gx,gy,gz (int16 counts), got \"{raw}\"");
            }

            yield return new RawSample(values[0], values[1], values[2], values[3], values[4], values[5]);
        }
    }
}
