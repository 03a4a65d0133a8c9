//! The canonical encoding of a command (fingerprint scheme 2,
//! [`DigestScheme::Canonical`](crate::DigestScheme::Canonical)): the bytes
//! whose SHA-256 is a command's fingerprint, written without JSON — no
//! escaping, no number formatting, one small write per value.
//!
//! The layout (written out in docs/stores.md, "Command fingerprints"):
//!
//! - the prefix [`PREFIX`] (`tousu.command.2`: the scheme, in the bytes);
//! - the command's id and actor as strings, its instant `at`, and
//!   `occurred_at` as an option of an instant;
//! - its kind, as the value [`serde`] describes: every `CommandKind` and the
//!   whole `Complaint`, through the types' own `Serialize`.
//!
//! Each value starts with a one-byte [`tag`] saying what follows: integers
//! as fixed-width big-endian two's complement, strings as a `u64` byte
//! length and their UTF-8, options as `NONE` or `SOME` and the value,
//! enum variants by name, sequences and maps as `ITEM` / `ENTRY` marks
//! closed by `END`, structs as one `FIELD` mark, the field's name and its
//! value per field written (a field skipped when empty writes nothing, so
//! a field added later leaves older commands' fingerprints as they were).
//! An instant outside `serde` is its seconds since the epoch (`i64`) and
//! nanoseconds (`u32`). Every value is read back from the bytes alone
//! (each tag says what comes and where it ends), so two different values
//! never write the same bytes.
//!
//! Why not a crate: `bincode` and `postcard` write struct fields by
//! position, so a field skipped when empty (`skip_serializing_if`) makes
//! `{level: None, reason: Some(x)}` and `{level: Some(x), reason: None}`
//! the same bytes, and they refuse the maps `#[serde(flatten)]` writes.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::ser;

/// The first bytes of every scheme-2 encoding: the scheme is part of what
/// is hashed.
pub(crate) const PREFIX: &[u8] = b"tousu.command.2";

/// What each value starts with.
pub(crate) mod tag {
    /// `()`, a unit struct.
    pub(crate) const UNIT: u8 = 0x00;
    /// `false`.
    pub(crate) const FALSE: u8 = 0x01;
    /// `true`.
    pub(crate) const TRUE: u8 = 0x02;
    /// Signed integers, 1 to 16 bytes.
    pub(crate) const I8: u8 = 0x10;
    /// See [`I8`].
    pub(crate) const I16: u8 = 0x11;
    /// See [`I8`].
    pub(crate) const I32: u8 = 0x12;
    /// See [`I8`].
    pub(crate) const I64: u8 = 0x13;
    /// See [`I8`].
    pub(crate) const I128: u8 = 0x14;
    /// Unsigned integers, 1 to 16 bytes.
    pub(crate) const U8: u8 = 0x18;
    /// See [`U8`].
    pub(crate) const U16: u8 = 0x19;
    /// See [`U8`].
    pub(crate) const U32: u8 = 0x1A;
    /// See [`U8`].
    pub(crate) const U64: u8 = 0x1B;
    /// See [`U8`].
    pub(crate) const U128: u8 = 0x1C;
    /// IEEE 754 bits, 4 bytes.
    pub(crate) const F32: u8 = 0x1D;
    /// IEEE 754 bits, 8 bytes.
    pub(crate) const F64: u8 = 0x1E;
    /// A character as its `u32` scalar value.
    pub(crate) const CHAR: u8 = 0x1F;
    /// A string: `u64` length in bytes, then its UTF-8.
    pub(crate) const STR: u8 = 0x20;
    /// Bytes: `u64` length, then the bytes.
    pub(crate) const BYTES: u8 = 0x21;
    /// An instant: `i64` seconds since the epoch, `u32` nanoseconds.
    pub(crate) const INSTANT: u8 = 0x22;
    /// An absent option.
    pub(crate) const NONE: u8 = 0x30;
    /// A present option, then its value.
    pub(crate) const SOME: u8 = 0x31;
    /// A unit variant: its name (a string).
    pub(crate) const UNIT_VARIANT: u8 = 0x40;
    /// A newtype variant: its name, then the value.
    pub(crate) const NEWTYPE_VARIANT: u8 = 0x41;
    /// A tuple variant: its name, then a sequence's items and `END`.
    pub(crate) const TUPLE_VARIANT: u8 = 0x42;
    /// A struct variant: its name, then a struct's fields and `END`.
    pub(crate) const STRUCT_VARIANT: u8 = 0x43;
    /// A sequence (or tuple): `ITEM` and a value per item, then `END`.
    pub(crate) const SEQ: u8 = 0x50;
    /// Before each item of a sequence.
    pub(crate) const ITEM: u8 = 0x51;
    /// A map: `ENTRY`, a key and a value per entry, then `END`.
    pub(crate) const MAP: u8 = 0x60;
    /// Before each entry of a map.
    pub(crate) const ENTRY: u8 = 0x61;
    /// A struct: `FIELD`, the name (a string) and the value per field
    /// written, then `END`.
    pub(crate) const STRUCT: u8 = 0x70;
    /// Before each field of a struct.
    pub(crate) const FIELD: u8 = 0x71;
    /// Closes a sequence, a map, a struct or a variant's fields.
    pub(crate) const END: u8 = 0x7F;
}

/// Where the encoding goes: a hash, or a vector (for tests).
pub(crate) trait Sink {
    /// Takes `bytes`, in order.
    fn put(&mut self, bytes: &[u8]);
    /// Looks at a string about to be written (the text checks of
    /// [`inputs::check`](crate::inputs) ride on the hashing pass).
    fn look(&mut self, _text: &str) {}
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Writes `value` canonically into `sink`.
pub(crate) fn value<T: Serialize + ?Sized, S: Sink>(sink: &mut S, value: &T) -> Result<(), Error> {
    value.serialize(&mut Encoder(sink))
}

/// Writes a string canonically.
pub(crate) fn string<S: Sink>(sink: &mut S, text: &str) {
    sink.look(text);
    sink.put(&tagged_len(tag::STR, text.len()));
    sink.put(text.as_bytes());
}

/// A tag and a length — as `u64`, the whole of any length a `usize` holds,
/// big-endian — in one 9-byte piece: the sink tests its room once for both.
#[inline(always)]
fn tagged_len(tag: u8, len: usize) -> [u8; 9] {
    let mut out = [0u8; 9];
    let [t, rest @ ..] = &mut out;
    *t = tag;
    *rest = (len as u64).to_be_bytes();
    out
}

/// Writes an instant canonically (seconds and nanoseconds, fixed width).
pub(crate) fn instant<S: Sink>(sink: &mut S, at: &DateTime<Utc>) {
    let mut out = [0u8; 13];
    let (tag, rest) = out.split_at_mut(1);
    let (secs, nanos) = rest.split_at_mut(8);
    tag.copy_from_slice(&[tag::INSTANT]);
    secs.copy_from_slice(&at.timestamp().to_be_bytes());
    nanos.copy_from_slice(&at.timestamp_subsec_nanos().to_be_bytes());
    sink.put(&out);
}

/// A failure a value's own `Serialize` reported.
#[derive(Debug)]
pub(crate) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The `serde` serializer that writes the encoding.
struct Encoder<'s, S>(&'s mut S);

impl<S: Sink> Encoder<'_, S> {
    fn tagged(&mut self, tag: u8, bytes: &[u8]) {
        self.0.put(&[tag]);
        self.0.put(bytes);
    }
}

macro_rules! fixed {
    ($($method:ident: $ty:ty => $tag:expr),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<(), Error> {
            self.tagged($tag, &v.to_be_bytes());
            Ok(())
        })*
    };
}

impl<S: Sink> ser::Serializer for &mut Encoder<'_, S> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fixed! {
        serialize_i8: i8 => tag::I8,
        serialize_i16: i16 => tag::I16,
        serialize_i32: i32 => tag::I32,
        serialize_i64: i64 => tag::I64,
        serialize_i128: i128 => tag::I128,
        serialize_u8: u8 => tag::U8,
        serialize_u16: u16 => tag::U16,
        serialize_u32: u32 => tag::U32,
        serialize_u64: u64 => tag::U64,
        serialize_u128: u128 => tag::U128,
    }

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0.put(&[if v { tag::TRUE } else { tag::FALSE }]);
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.tagged(tag::F32, &v.to_bits().to_be_bytes());
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.tagged(tag::F64, &v.to_bits().to_be_bytes());
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.tagged(tag::CHAR, &u32::from(v).to_be_bytes());
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.0, v);
        Ok(())
    }

    /// Text written in pieces (chrono's instants, ids' `Display`): gathered
    /// on the stack first, since its length comes before it.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        let mut text = StackText::new();
        write!(text, "{value}").map_err(|_| Error("a value's text could not be written".into()))?;
        string(self.0, text.as_str());
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.0.put(&tagged_len(tag::BYTES, v.len()));
        self.0.put(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.0.put(&[tag::NONE]);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.0.put(&[tag::SOME]);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.0.put(&[tag::UNIT]);
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.put(&[tag::UNIT_VARIANT]);
        string(self.0, variant);
        Ok(())
    }

    /// A newtype (an id) is its value: the type around it is fixed by
    /// where it stands.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.0.put(&[tag::NEWTYPE_VARIANT]);
        string(self.0, variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Error> {
        self.0.put(&[tag::SEQ]);
        Ok(self)
    }

    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.0.put(&[tag::TUPLE_VARIANT]);
        string(self.0, variant);
        Ok(self)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Error> {
        self.0.put(&[tag::MAP]);
        Ok(self)
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Error> {
        self.0.put(&[tag::STRUCT]);
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Error> {
        self.0.put(&[tag::STRUCT_VARIANT]);
        string(self.0, variant);
        Ok(self)
    }
}

impl<S: Sink> Encoder<'_, S> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.put(&[tag::ITEM]);
        value.serialize(self)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        // `FIELD`, then the name as a string, its tag and length in one
        // piece with the mark. Field names are the type's own, not text a
        // person typed: not looked at.
        let mut head = [0u8; 10];
        let [field, name @ ..] = &mut head;
        *field = tag::FIELD;
        *name = tagged_len(tag::STR, key.len());
        self.0.put(&head);
        self.0.put(key.as_bytes());
        value.serialize(self)
    }

    fn end(&mut self) -> Result<(), Error> {
        self.0.put(&[tag::END]);
        Ok(())
    }
}

macro_rules! items {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl<S: Sink> ser::$trait for &mut Encoder<'_, S> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Encoder::end(self)
            }
        })*
    };
}

items! {
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
}

macro_rules! fields {
    ($($trait:ident),* $(,)?) => {
        $(impl<S: Sink> ser::$trait for &mut Encoder<'_, S> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                Encoder::end(self)
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

impl<S: Sink> ser::SerializeMap for &mut Encoder<'_, S> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.0.put(&[tag::ENTRY]);
        key.serialize(&mut **self)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), Error> {
        Encoder::end(self)
    }
}

/// Text gathered on the stack (an instant's is at most 40 bytes), on the
/// heap past that.
struct StackText {
    buf: [u8; 40],
    len: usize,
    spilled: Option<String>,
}

impl StackText {
    fn new() -> Self {
        StackText {
            buf: [0; 40],
            len: 0,
            spilled: None,
        }
    }

    fn as_str(&self) -> &str {
        match &self.spilled {
            Some(s) => s,
            None => self
                .buf
                .get(..self.len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
        }
    }
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if let Some(spilled) = &mut self.spilled {
            spilled.push_str(s);
            return Ok(());
        }
        match self.buf.get_mut(self.len..self.len + s.len()) {
            Some(room) => {
                room.copy_from_slice(s.as_bytes());
                self.len += s.len();
            }
            None => {
                let mut spilled = String::with_capacity(2 * (self.len + s.len()));
                spilled.push_str(self.as_str());
                spilled.push_str(s);
                self.spilled = Some(spilled);
            }
        }
        Ok(())
    }
}

/// Writes a command's kind canonically without `serde`'s `Serializer` for
/// the kind itself and its fields: the same bytes [`value`] writes for
/// `kind` (a property test holds the two equal, `direct_matches_serde`),
/// but the type's own names — the internally tagged `type`, the variant
/// names, the field names — are written as the constants they are and not
/// shown to [`Sink::look`]; only text a person typed (ids, texts) is.
///
/// So are the labels (`Validity`, `FaultParty`, `Satisfaction`: their
/// `serde` form is their id, `into = "&'static str"`) and the instants
/// (their RFC 3339 text): no person typed those. Values with a shape of
/// their own (the complaint, details, findings' responsibilities,
/// remedies, facts, attachments, a case action, a signed record) still go
/// through [`value`], which looks at every string in them.
///
/// Every variant and every field is named here: the match is exhaustive and
/// each variant is destructured with all its fields (no `..`), so a new
/// variant or field is a compile error here, not a value that silently
/// escapes the fingerprint.
pub(crate) fn kind<S: Sink>(sink: &mut S, kind: &crate::CommandKind) -> Result<(), Error> {
    use crate::CommandKind as K;
    let variant = kind.name();
    // STRUCT, then the `type` field with the variant's name.
    fixed_field(sink, Some(tag::STRUCT), "type");
    fixed_str(sink, variant);
    match kind {
        K::Register {
            case_id,
            number,
            complaint,
            repeat_count,
        } => register(sink, case_id, number.as_ref(), complaint, *repeat_count)?,
        K::Accept { override_reason } => opt_text(sink, "override_reason", override_reason),
        K::NotAccept {
            reason_zh,
            advice_zh,
        } => {
            text(sink, "reason_zh", reason_zh);
            opt_text(sink, "advice_zh", advice_zh);
        }
        K::Classify { level, reason } => {
            opt_string(sink, "level", level.as_ref().map(|v| v.as_str()));
            opt_text(sink, "reason", reason);
        }
        K::Assign { assignment } => {
            fixed_field(sink, None, "assignment");
            self::assignment(sink, assignment);
        }
        K::Transfer { assignment, reason } => {
            fixed_field(sink, None, "assignment");
            self::assignment(sink, assignment);
            text(sink, "reason", reason);
        }
        K::StartInvestigation | K::Approve | K::Close | K::ApproveExtension | K::EndExtension => {}
        K::RecordFindings {
            validity,
            fault,
            responsible,
            note,
        } => {
            opt_label(sink, "validity", validity.map(|v| v.id()));
            opt_label(sink, "fault", fault.map(|f| f.id()));
            if !responsible.is_empty() {
                fixed_field(sink, None, "responsible");
                value(sink, responsible)?;
            }
            opt_text(sink, "note", note);
        }
        K::RecordFacts { facts } => {
            fixed_field(sink, None, "facts");
            value(sink, facts)?;
        }
        K::ProposeSolution { remedies, note } => {
            fixed_field(sink, None, "remedies");
            value(sink, remedies)?;
            opt_text(sink, "note", note);
        }
        K::SendBack { reason }
        | K::Reopen { reason }
        | K::DenyExtension { reason }
        | K::CloseAbnormally { reason } => text(sink, "reason", reason),
        K::Reply {
            text: body,
            written,
        } => {
            text(sink, "text", body);
            if *written {
                fixed_field(sink, None, "written");
                sink.put(&[tag::TRUE]);
            }
        }
        K::RecordCallback { satisfaction, note } => {
            fixed_field(sink, None, "satisfaction");
            own_str(sink, satisfaction.id());
            opt_text(sink, "note", note);
        }
        K::Escalate { reason, step } => {
            text(sink, "reason", reason);
            opt_string(sink, "step", step.as_ref().map(|v| v.as_str()));
        }
        K::SetAgreedDeadline { deadline } => {
            fixed_field(sink, None, "deadline");
            rfc3339(sink, deadline);
        }
        K::RequestExtension { reason, until } => {
            text(sink, "reason", reason);
            if let Some(until) = until {
                fixed_field(sink, None, "until");
                sink.put(&[tag::SOME]);
                rfc3339(sink, until);
            }
        }
        K::CloseUnreachable { notified_at } => {
            fixed_field(sink, None, "notified_at");
            rfc3339(sink, notified_at);
        }
        K::Withdraw { reason } => opt_text(sink, "reason", reason),
        K::MergeRepeat { repeat, new_facts } => {
            fixed_field(sink, None, "repeat");
            string(sink, repeat.as_str());
            fixed_field(sink, None, "new_facts");
            sink.put(&[if *new_facts { tag::TRUE } else { tag::FALSE }]);
        }
        K::AddNote {
            text: body,
            attachments,
        } => {
            text(sink, "text", body);
            if !attachments.is_empty() {
                fixed_field(sink, None, "attachments");
                value(sink, attachments)?;
            }
        }
        K::RecordAction {
            action,
            note,
            milestone,
        } => {
            fixed_field(sink, None, "action");
            value(sink, action)?;
            opt_text(sink, "note", note);
            opt_string(sink, "milestone", milestone.as_ref().map(|v| v.as_str()));
        }
        K::CompleteDetails { details } => {
            fixed_field(sink, None, "details");
            value(sink, &**details)?;
        }
        K::SignRecord { record } => {
            fixed_field(sink, None, "record");
            value(sink, record)?;
        }
        K::MigratePolicy {
            policy_id,
            version,
            reason,
        } => {
            fixed_field(sink, None, "policy_id");
            string(sink, policy_id.as_str());
            fixed_field(sink, None, "version");
            string(sink, version.as_str());
            text(sink, "reason", reason);
        }
    }
    sink.put(&[tag::END]);
    Ok(())
}

/// The fields of a registration: the case id, its number if any, the
/// complaint (through [`value`], every string checked) and the repeat count.
fn register<S: Sink>(
    sink: &mut S,
    case_id: &tousu_model::CaseId,
    number: Option<&tousu_model::ComplaintNo>,
    complaint: &tousu_model::Complaint,
    repeat_count: u32,
) -> Result<(), Error> {
    fixed_field(sink, None, "case_id");
    string(sink, case_id.as_str());
    opt_string(sink, "number", number.map(|n| n.as_str()));
    fixed_field(sink, None, "complaint");
    value(sink, complaint)?;
    fixed_field(sink, None, "repeat_count");
    let mut out = [tag::U32, 0, 0, 0, 0];
    let [_, rest @ ..] = &mut out;
    *rest = repeat_count.to_be_bytes();
    sink.put(&out);
    Ok(())
}

/// An optional label (its `id()`, which is its `serde` form): nothing when
/// absent, else its name, `SOME` and the label, not checked (no person
/// typed it).
fn opt_label<S: Sink>(sink: &mut S, name: &'static str, label: Option<&'static str>) {
    if let Some(label) = label {
        fixed_field(sink, None, name);
        sink.put(&[tag::SOME]);
        own_str(sink, label);
    }
}

/// An optional id-like field (`skip_serializing_if = "Option::is_none"`):
/// nothing when absent, else its name, `SOME` and the text, checked.
fn opt_string<S: Sink>(sink: &mut S, name: &'static str, v: Option<&str>) {
    if let Some(v) = v {
        fixed_field(sink, None, name);
        sink.put(&[tag::SOME]);
        string(sink, v);
    }
}

/// An [`Assignment`](crate::Assignment), destructured whole (a new field is
/// a compile error here).
fn assignment<S: Sink>(sink: &mut S, assignment: &crate::Assignment) {
    let crate::Assignment {
        lead,
        handler,
        co_handling,
    } = assignment;
    fixed_field(sink, Some(tag::STRUCT), "lead");
    string(sink, lead.as_str());
    if let Some(handler) = handler {
        fixed_field(sink, None, "handler");
        sink.put(&[tag::SOME]);
        string(sink, handler.as_str());
    }
    if !co_handling.is_empty() {
        fixed_field(sink, None, "co_handling");
        sink.put(&[tag::SEQ]);
        for department in co_handling {
            sink.put(&[tag::ITEM]);
            string(sink, department.as_str());
        }
        sink.put(&[tag::END]);
    }
    sink.put(&[tag::END]);
}

/// A field's mark and name — the type's own, not looked at — after an
/// optional opening tag, in one piece.
#[inline(always)]
fn fixed_field<S: Sink>(sink: &mut S, open: Option<u8>, name: &'static str) {
    let mut head = [0u8; 11];
    let [o, field, len @ ..] = &mut head;
    *o = open.unwrap_or_default();
    *field = tag::FIELD;
    *len = tagged_len(tag::STR, name.len());
    sink.put(if open.is_some() {
        &head
    } else {
        head.get(1..).unwrap_or_default()
    });
    sink.put(name.as_bytes());
}

/// A string that is the type's own (a variant's name): not looked at.
#[inline(always)]
fn fixed_str<S: Sink>(sink: &mut S, name: &'static str) {
    own_str(sink, name);
}

/// A string no person typed (a label's id, an instant's text): the bytes
/// of [`string`], not shown to [`Sink::look`].
#[inline(always)]
fn own_str<S: Sink>(sink: &mut S, text: &str) {
    sink.put(&tagged_len(tag::STR, text.len()));
    sink.put(text.as_bytes());
}

/// An instant inside the kind: the RFC 3339 string its `serde` form is
/// (`tousu_model::instant::serialize`), written as [`own_str`].
#[inline(always)]
fn rfc3339<S: Sink>(sink: &mut S, at: &DateTime<Utc>) {
    own_str(sink, tousu_model::instant::Rfc3339::new(at).as_str());
}

/// A text field a person typed.
#[inline(always)]
fn text<S: Sink>(sink: &mut S, name: &'static str, body: &str) {
    fixed_field(sink, None, name);
    string(sink, body);
}

/// An optional text field, skipped when absent.
#[inline(always)]
fn opt_text<S: Sink>(sink: &mut S, name: &'static str, body: &Option<String>) {
    if let Some(body) = body {
        fixed_field(sink, None, name);
        sink.put(&[tag::SOME]);
        string(sink, body);
    }
}
