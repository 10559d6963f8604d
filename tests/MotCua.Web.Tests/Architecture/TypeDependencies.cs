using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace MotCua.Web.Tests.Architecture;

/// <summary>One use of a type of the same assembly: who uses it and which type is used (both top-level type names).</summary>
internal sealed record TypeUse(string From, string To);

/// <summary>
/// Which top-level types of a compiled assembly use which others of the same assembly, read from its metadata:
/// base types, interfaces, attributes, fields, properties, events, method signatures, generic constraints, locals and
/// every token in method bodies (calls, field accesses, casts, typeof, generic instantiations). Nested and
/// compiler-generated types (lambdas, async state machines) count as their top-level type, so a use inside a lambda
/// belongs to the type that wrote it.
/// </summary>
internal static class TypeDependencies
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    public static IReadOnlySet<TypeUse> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new TypeNames(md);
        var uses = new HashSet<TypeUse>();
        foreach (var handle in md.TypeDefinitions)
        {
            var from = names.TopLevel(handle);
            var found = new HashSet<string>(StringComparer.Ordinal);
            Collect(md, pe, names, handle, found);
            foreach (var to in found.Where(to => to != from))
            {
                uses.Add(new TypeUse(from, to));
            }
        }
        return uses;
    }

    private static void Collect(MetadataReader md, PEReader pe, TypeNames names, TypeDefinitionHandle handle, HashSet<string> found)
    {
        var type = md.GetTypeDefinition(handle);
        var context = new Context(md, names, found);
        context.Entity(type.BaseType);
        foreach (var i in type.GetInterfaceImplementations())
        {
            context.Entity(md.GetInterfaceImplementation(i).Interface);
        }
        context.Attributes(type.GetCustomAttributes());
        context.GenericParameters(type.GetGenericParameters());
        foreach (var f in type.GetFields())
        {
            var field = md.GetFieldDefinition(f);
            field.DecodeSignature(context, null);
            context.Attributes(field.GetCustomAttributes());
        }
        foreach (var p in type.GetProperties())
        {
            var property = md.GetPropertyDefinition(p);
            property.DecodeSignature(context, null);
            context.Attributes(property.GetCustomAttributes());
        }
        foreach (var e in type.GetEvents())
        {
            var ev = md.GetEventDefinition(e);
            context.Entity(ev.Type);
            context.Attributes(ev.GetCustomAttributes());
        }
        foreach (var m in type.GetMethods())
        {
            var method = md.GetMethodDefinition(m);
            method.DecodeSignature(context, null);
            context.Attributes(method.GetCustomAttributes());
            context.GenericParameters(method.GetGenericParameters());
            foreach (var p in method.GetParameters())
            {
                context.Attributes(md.GetParameter(p).GetCustomAttributes());
            }
            if (method.RelativeVirtualAddress != 0)
            {
                Body(md, pe.GetMethodBody(method.RelativeVirtualAddress), context, md.GetString(method.Name));
            }
        }
    }

    private static void Body(MetadataReader md, MethodBodyBlock body, Context context, string method)
    {
        if (!body.LocalSignature.IsNil)
        {
            md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(context, null);
        }
        foreach (var region in body.ExceptionRegions)
        {
            if (!region.CatchType.IsNil)
            {
                context.Entity(region.CatchType);
            }
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short code = il.ReadByte();
            if (code == 0xFE)
            {
                code = (short)(0xFE00 | il.ReadByte());
            }
            if (!Operands.TryGetValue(code, out var operand))
            {
                throw new InvalidOperationException($"Unknown opcode {code:X} at IL_{il.Offset - 1:X4} in {method} (size {body.Size}).");
            }
            switch (operand)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    context.Token(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
    }

    /// <summary>Top-level type names of the assembly's own types; other assemblies' types are not collected.</summary>
    private sealed class TypeNames(MetadataReader md)
    {
        private readonly Dictionary<TypeDefinitionHandle, string> cache = [];

        public string TopLevel(TypeDefinitionHandle handle)
        {
            if (cache.TryGetValue(handle, out var name))
            {
                return name;
            }
            var type = md.GetTypeDefinition(handle);
            var outer = type.GetDeclaringType();
            name = outer.IsNil
                ? (type.Namespace.IsNil ? "" : md.GetString(type.Namespace) + ".") + md.GetString(type.Name)
                : TopLevel(outer);
            cache[handle] = name;
            return name;
        }
    }

    /// <summary>Decodes signatures into the set of own types they mention (the provider's result is unused).</summary>
    private sealed class Context(MetadataReader md, TypeNames names, HashSet<string> found) : ISignatureTypeProvider<int, object?>
    {
        public void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    found.Add(names.TopLevel((TypeDefinitionHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                default:
                    break;
            }
        }

        public void Token(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                    var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    found.Add(names.TopLevel(method.GetDeclaringType()));
                    break;
                case HandleKind.FieldDefinition:
                    found.Add(names.TopLevel(md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()));
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }
                    break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Token(spec.Method);
                    spec.DecodeSignature(this, null);
                    break;
                default:
                    Entity(handle);
                    break;
            }
        }

        public void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes)
            {
                Token(md.GetCustomAttribute(a).Constructor);
            }
        }

        public void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var p in parameters)
            {
                foreach (var c in md.GetGenericParameter(p).GetConstraints())
                {
                    Entity(md.GetGenericParameterConstraint(c).Type);
                }
            }
        }

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            found.Add(names.TopLevel(handle));
            return 0;
        }

        public int GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            Entity(handle);
            return 0;
        }

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? genericContext, int index) => 0;

        public int GetGenericTypeParameter(object? genericContext, int index) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;
    }
}
