use super::*;

#[test]
fn scratch() {
    let src = std::fs::read_to_string("/tmp/scratch.py").unwrap();
    match parse_module(&src, "scratch.py") {
        Ok(m) => println!("{:#?}", m),
        Err(e) => println!("{}\n{:?}", e, e),
    }
}
