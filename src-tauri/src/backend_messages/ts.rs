//! Writing a refusal as TypeScript: a constant, or a function of the words that carry its
//! case (a [`Template`]).

use vigil_core::VigilError;

/// A refusal that depends on its case: a TS function of `params`, each standing for the
/// sentinel text it replaces in the real refusal made with the sentinels.
pub struct Template {
    pub name: &'static str,
    pub params: &'static [(&'static str, &'static str)],
    pub error: VigilError,
}

/// `export const name: VigilError = {...};`
pub fn constant_ts(name: &str, error: &VigilError) -> String {
    let error = serde_json::to_string(error).expect("an error serializes");
    format!("\nexport const {name}: VigilError = {error};\n")
}

/// `text` as a TS expression: a JSON string, or a template literal with `params` in it.
fn ts_text(text: &str, params: &[(&str, &str)]) -> String {
    if !params.iter().any(|(_, sentinel)| text.contains(sentinel)) {
        return serde_json::to_string(text).expect("a string serializes");
    }
    let mut out = text.replace('\\', "\\\\").replace('`', "\\`").replace("${", "\\${");
    for (param, sentinel) in params {
        out = out.replace(sentinel, &format!("${{{param}}}"));
    }
    format!("`{out}`")
}

/// `export const name = (params): VigilError => ({...});`
pub fn template_ts(t: &Template) -> String {
    let code = serde_json::to_string(&t.error.code).expect("a code serializes");
    let args: Vec<String> = t
        .params
        .iter()
        .map(|(p, s)| {
            let kind = if s.parse::<f64>().is_ok() { "number" } else { "string" };
            format!("{p}: {kind}")
        })
        .collect();
    let field = t
        .error
        .field
        .as_deref()
        .map_or(String::new(), |f| format!(", field: {}", ts_text(f, t.params)));
    format!(
        "\nexport const {} = ({}): VigilError => ({{ code: {code}, message: {}{field} }});\n",
        t.name,
        args.join(", "),
        ts_text(&t.error.message, t.params)
    )
}
