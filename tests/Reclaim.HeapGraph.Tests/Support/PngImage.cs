using System.Buffers.Binary;
using System.IO.Compression;

namespace Reclaim.HeapGraph.Tests.Support;

/// <summary>
/// A minimal PNG decoder for 8-bit greyscale, RGB and RGBA images without interlacing (what rsvg-convert writes):
/// enough for a test to check that a rendered picture has sane dimensions and real content.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] s_signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    private readonly byte[] _rgba;

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixel at (<paramref name="x"/>, <paramref name="y"/>) as red, green, blue, alpha.</summary>
    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        int offset = ((y * Width) + x) * 4;
        return (_rgba[offset], _rgba[offset + 1], _rgba[offset + 2], _rgba[offset + 3]);
    }

    public static PngImage Decode(byte[] file)
    {
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(s_signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0, channels = 0;
        using MemoryStream compressed = new();
        int position = 8;
        while (position + 8 <= file.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(position));
            string type = System.Text.Encoding.ASCII.GetString(file, position + 4, 4);
            ReadOnlySpan<byte> data = file.AsSpan(position + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                byte bitDepth = data[8], colourType = data[9], interlace = data[12];
                channels = colourType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
                if (bitDepth != 8 || channels == 0 || interlace != 0)
                {
                    throw new InvalidDataException($"unsupported PNG: depth {bitDepth}, colour type {colourType}, interlace {interlace}");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            position += 12 + length;
        }

        compressed.Position = 0;
        using ZLibStream inflater = new(compressed, CompressionMode.Decompress);
        using MemoryStream raw = new();
        inflater.CopyTo(raw);
        return new PngImage(width, height, ToRgba(Unfilter(raw.ToArray(), width, height, channels), width, height, channels));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        int stride = width * channels;
        if (raw.Length < height * (stride + 1))
        {
            throw new InvalidDataException("truncated image data");
        }

        byte[] pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            ReadOnlySpan<byte> line = raw.AsSpan((y * (stride + 1)) + 1, stride);
            for (int i = 0; i < stride; i++)
            {
                int left = i >= channels ? pixels[(y * stride) + i - channels] : 0;
                int up = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int upLeft = y > 0 && i >= channels ? pixels[((y - 1) * stride) + i - channels] : 0;
                int predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"bad filter {filter}"),
                };
                pixels[(y * stride) + i] = (byte)(line[i] + predicted);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int width, int height, int channels)
    {
        byte[] rgba = new byte[width * height * 4];
        for (int p = 0; p < width * height; p++)
        {
            ReadOnlySpan<byte> source = pixels.AsSpan(p * channels, channels);
            (byte r, byte g, byte b, byte a) = channels switch
            {
                1 => (source[0], source[0], source[0], (byte)255),
                2 => (source[0], source[0], source[0], source[1]),
                3 => (source[0], source[1], source[2], (byte)255),
                _ => (source[0], source[1], source[2], source[3]),
            };
            rgba[p * 4] = r;
            rgba[(p * 4) + 1] = g;
            rgba[(p * 4) + 2] = b;
            rgba[(p * 4) + 3] = a;
        }

        return rgba;
    }
}
