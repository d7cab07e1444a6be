"""Checks what the SAM transform makes of template.yaml: the wiring that decides whether SnapStart and the skill-id
lock actually apply. Runs offline with the SAM CLI's own translator (no AWS account needed)."""
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    def load(self):
        return {}


def main(path):
    template = yaml_parse(open(path).read())
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://bucket/key.zip"  # the transform wants S3; sam build decides
    out = transform(template, {}, NoManagedPolicies())["Resources"]
    checks = []

    def check(name, ok):
        checks.append((name, bool(ok)))

    functions = {k: v["Properties"] for k, v in out.items() if v["Type"] == "AWS::Lambda::Function"}
    for name in ("TokenFunction", "SkillFunction"):
        props = functions[name]
        check(f"{name} runs java21", props.get("Runtime") == "java21")
        check(f"{name} runs on arm64", props.get("Architectures") == ["arm64"])
        check(f"{name} has SnapStart on published versions",
              props.get("SnapStart", {}).get("ApplyOn") == "PublishedVersions")
        check(f"{name} logs in Lambda's JSON format", props.get("LoggingConfig", {}).get("LogFormat") == "JSON")
        check(f"{name} has a live alias", f"{name}Aliaslive" in out)

    api = out["TokenApi"]["Properties"]["Body"]["paths"]
    check("HTTP API has exactly the /token route, for every method (the function answers 405 itself)",
          list(api) == ["/token"] and list(api["/token"]) == ["x-amazon-apigateway-any-method"])
    integration = api["/token"]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"]
    check("HTTP API invokes the token function's alias (so SnapStart applies)",
          "${TokenFunctionAliaslive}" in integration["uri"]["Fn::Sub"])
    check("HTTP API uses payload format 2.0", integration.get("payloadFormatVersion") == "2.0")
    stage = out["TokenApiApiGatewayDefaultStage"]["Properties"]
    check("HTTP API throttles the token route",
          {"ThrottlingBurstLimit", "ThrottlingRateLimit"} <= set(stage.get("DefaultRouteSettings", {})))

    alexa = [v["Properties"] for v in out.values() if v["Type"] == "AWS::Lambda::Permission"
             and v["Properties"].get("Principal") == "alexa-appkit.amazon.com"]
    check("Alexa may invoke only the skill function's alias",
          len(alexa) == 1 and alexa[0]["FunctionName"] == {"Ref": "SkillFunctionAliaslive"})
    check("the Alexa permission carries the skill id", len(alexa) == 1 and "EventSourceToken" in alexa[0])

    failed = [name for name, ok in checks if not ok]
    for name, ok in checks:
        print(("ok   " if ok else "FAIL ") + name)
    print(f"template: {len(checks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
