using System.Buffers.Binary;
using System.Text;

namespace HyperLab.Platform;

/// <summary>
/// Reads the few parts of a 64-bit little-endian ELF shared library that the TorchSharp native
/// fix needs: section headers, the <c>DT_SONAME</c> entry and the version-needs entries.
/// Every read is bounds-checked; a malformed file raises <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class ElfImage
{
    private const uint SectionTypeDynamic = 6;            // SHT_DYNAMIC
    private const uint SectionTypeVersionNeeds = 0x6ffffffe; // SHT_GNU_verneed
    private const long DynamicTagSoname = 14;             // DT_SONAME

    private readonly byte[] _bytes;
    private readonly List<Section> _sections;

    private ElfImage(byte[] bytes)
    {
        _bytes = bytes;
        _sections = ReadSections();
    }

    /// <summary>One entry of a version-needs list: which library, which version, where its flags live.</summary>
    internal readonly record struct VersionNeed(string File, string Name, ushort Flags, int FlagsOffset);

    private readonly record struct Section(uint Type, long Offset, long Size, uint Link, uint Info);

    /// <summary>Checks the ELF header and reads the section table.</summary>
    /// <exception cref="InvalidDataException">Not an ELF file, or not 64-bit little-endian, or truncated.</exception>
    internal static ElfImage Parse(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file (it does not start with the bytes 0x7F 'E' 'L' 'F')");
        }

        if (bytes.Length < 64 || bytes[4] != 2 || bytes[5] != 1)
        {
            throw new InvalidDataException("unsupported ELF file: only 64-bit little-endian ELF (x86-64, arm64) is handled");
        }

        return new ElfImage(bytes);
    }

    /// <summary>The library's <c>DT_SONAME</c>, or null if it has none.</summary>
    internal string? ReadSoname()
    {
        foreach (var dynamic in _sections.Where(s => s.Type == SectionTypeDynamic))
        {
            for (long entry = dynamic.Offset; entry + 16 <= dynamic.Offset + dynamic.Size; entry += 16)
            {
                long tag = (long)ReadU64(entry);
                if (tag == 0)
                {
                    break; // DT_NULL ends the table
                }

                if (tag == DynamicTagSoname)
                {
                    return ReadString(dynamic.Link, (long)ReadU64(entry + 8));
                }
            }
        }

        return null;
    }

    /// <summary>Every (library, version) pair in the <c>.gnu.version_r</c> section(s).</summary>
    internal IEnumerable<VersionNeed> ReadVersionNeeds()
    {
        foreach (var section in _sections.Where(s => s.Type == SectionTypeVersionNeeds))
        {
            long need = section.Offset;
            for (uint i = 0; i < section.Info; i++)
            {
                // Elf64_Verneed { u16 vn_version; u16 vn_cnt; u32 vn_file; u32 vn_aux; u32 vn_next; }
                ushort count = ReadU16(need + 2);
                string file = ReadString(section.Link, ReadU32(need + 4));
                long aux = need + ReadU32(need + 8);
                for (int j = 0; j < count; j++)
                {
                    // Elf64_Vernaux { u32 vna_hash; u16 vna_flags; u16 vna_other; u32 vna_name; u32 vna_next; }
                    ushort flags = ReadU16(aux + 4);
                    string name = ReadString(section.Link, ReadU32(aux + 8));
                    yield return new VersionNeed(file, name, flags, checked((int)(aux + 4)));
                    aux += ReadU32(aux + 12);
                }

                uint next = ReadU32(need + 12);
                if (next == 0)
                {
                    break;
                }

                need += next;
            }
        }
    }

    private List<Section> ReadSections()
    {
        long tableOffset = (long)ReadU64(0x28);
        ushort entrySize = ReadU16(0x3A);
        ushort count = ReadU16(0x3C);
        if (count > 0 && entrySize < 64)
        {
            throw new InvalidDataException($"corrupt ELF file: section header size {entrySize} < 64");
        }

        var sections = new List<Section>(count);
        for (int i = 0; i < count; i++)
        {
            long header = tableOffset + (long)i * entrySize;
            var section = new Section(
                Type: ReadU32(header + 4),
                Offset: (long)ReadU64(header + 24),
                Size: (long)ReadU64(header + 32),
                Link: ReadU32(header + 40),
                Info: ReadU32(header + 44));
            sections.Add(section);
        }

        return sections;
    }

    private string ReadString(uint stringSectionIndex, long offset)
    {
        if (stringSectionIndex >= _sections.Count)
        {
            throw new InvalidDataException($"corrupt ELF file: string table index {stringSectionIndex} out of range");
        }

        long start = _sections[(int)stringSectionIndex].Offset + offset;
        Check(start, 1);
        int end = Array.IndexOf(_bytes, (byte)0, (int)start);
        if (end < 0)
        {
            throw new InvalidDataException("corrupt ELF file: unterminated string");
        }

        return Encoding.ASCII.GetString(_bytes, (int)start, end - (int)start);
    }

    private ushort ReadU16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(at, 2));

    private uint ReadU32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(at, 4));

    private ulong ReadU64(long at) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(at, 8));

    private ReadOnlySpan<byte> Slice(long at, int length)
    {
        Check(at, length);
        return _bytes.AsSpan((int)at, length);
    }

    private void Check(long at, int length)
    {
        if (at < 0 || at + length > _bytes.Length)
        {
            throw new InvalidDataException($"corrupt ELF file: read of {length} bytes at offset {at} is past the end ({_bytes.Length} bytes)");
        }
    }
}
