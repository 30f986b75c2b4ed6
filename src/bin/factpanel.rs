//! The factpanel CLI (work in progress).
fn main() {
    println!("{}", factpanel::to_json(&factpanel::embedded()));
}
