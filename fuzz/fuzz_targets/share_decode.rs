//! Share links: any text as a link's fragment, and any bytes as the inside of a view
//! part or a data part (so the fuzzer gets past base64 and the checksum into postcard
//! and the checks). Nothing may panic; a view that opens must make a link that opens
//! to the same view.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use scorecard_core::share::{decode, decode_view, encode_view, unpack_files};

fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fragment = match mode % 3 {
        // The text as it comes, as a pasted link would.
        0 => String::from_utf8_lossy(rest).into_owned(),
        // The bytes of a view part.
        1 => format!("v=2.{}", b64(rest)),
        // The inflated bytes of a data part.
        _ => {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
            z.write_all(rest).unwrap();
            let data = format!("2.{}", b64(&z.finish().unwrap()));
            let _ = unpack_files(&data);
            format!("v=2.AAAAAAAA&d={data}")
        }
    };
    let _ = decode(&fragment);
    if let Ok((view, data)) = decode_view(&fragment) {
        let again =
            decode_view(&encode_view(&view)).expect("a view that opened makes a link that opens");
        assert_eq!(again.0, view, "the view changed on its way round");
        if let Some(d) = data {
            let _ = unpack_files(&d);
        }
    }
});
