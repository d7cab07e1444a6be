"""Checks what the SAM transform makes of template.yaml with the parameter values a user deploys: the wiring that
decides whether SnapStart, the skill-id lock, the client allow-list, the time budgets and the access log actually
apply. Runs offline with the SAM CLI's own translator (no AWS account needed), once with only the required
parameters and once with a realistic full set, then resolves the intrinsics that matter and asserts on the result."""
import copy
import json
import logging
import os
import re
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

REQUIRED_ONLY = {
    "AllowedClientIds": "3MVG9fe4g9fhX0E5nKt0Q_required",
    "AlexaSkillId": "amzn1.ask.skill.00000000-0000-4000-8000-000000000001",
}
FULL_SET = {
    "SalesforceLoginUrl": "https://acme.my.salesforce.com",
    "TokenExpiresIn": "3600",
    "AllowedClientIds": "3MVG9fe4g9fhX0E5nKt0Q.prod,3MVG9_sandbox.key_2",
    "TokenSalesforceTimeoutMs": "2500",
    "DefaultRedirectUri": "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA",
    "AlexaSkillId": "amzn1.ask.skill.1a2b3c4d-5e6f-7a8b-9c0d-e1f2a3b4c5d6",
    "InstanceUrlAllowlist": "default,.force.com",
    "SalesforceApiVersion": "66.0",
    "SkillSalesforceTimeoutMs": "2000",
    "LogRetentionDays": "14",
    "ThrottlingBurstLimit": "5",
    "ThrottlingRateLimit": "2",
    "AlarmEmail": "sf-admin@example.com",
    "SessionInvalidThreshold": "20",
}
PSEUDO = {"AWS::Region": "us-east-1", "AWS::AccountId": "123456789012", "AWS::StackName": "asl",
          "AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}

# Both functions bound each Salesforce call by SALESFORCE_TIMEOUT_MS; how many such calls run one after the other.
SALESFORCE_TIMEOUT = "SALESFORCE_TIMEOUT_MS"
SALESFORCE_CALLS_IN_SERIES = {"TokenFunction": 1, "SkillFunction": 2}
# What Alexa waits for each function's answer, in ms, and the least left over for the rest (restore, gateway, work).
ALEXA_WAIT_MS = {"TokenFunction": 4500, "SkillFunction": 8000}
OVERHEAD_MS = 1000

ACCESS_LOG_FIELDS = {"$context.requestId", "$context.identity.sourceIp", "$context.requestTime",
                     "$context.httpMethod", "$context.routeKey", "$context.status", "$context.protocol",
                     "$context.responseLength", "$context.responseLatency", "$context.integrationStatus",
                     "$context.integrationLatency", "$context.integrationErrorMessage", "$context.error.message"}
# Anything that can carry a credential: headers (Authorization, User-Agent), query strings, bodies, authorizer data.
ACCESS_LOG_FORBIDDEN = re.compile(r"header|querystring|body|userAgent|authorizer|clientCert|\$input|\$request\.",
                                  re.IGNORECASE)

# Monitoring: each metric filter's log group and metric, and what the alarms must watch.
NAMESPACE = "AlexaSalesforceLink/{stack}"
TRANSFORMED_GROUPS = ("TokenFunctionLogGroup", "SkillFunctionLogGroup")
METRIC_FILTERS = {
    "TokenRequestsMetricFilter": ("TokenFunctionLogGroup", "TokenRequests"),
    "TokenGrantRequestsMetricFilter": ("TokenFunctionLogGroup", "TokenRequestsByGrant"),
    "TokenUpstreamLatencyMetricFilter": ("TokenFunctionLogGroup", "TokenUpstreamLatency"),
    "TokenInvalidClientMetricFilter": ("TokenFunctionLogGroup", "TokenInvalidClient"),
    "SkillRequestsMetricFilter": ("SkillFunctionLogGroup", "SkillRequests"),
    "SkillIntentRequestsMetricFilter": ("SkillFunctionLogGroup", "SkillIntentRequests"),
    "SkillSalesforceLatencyMetricFilter": ("SkillFunctionLogGroup", "SkillSalesforceLatency"),
    "TokenApiThrottledMetricFilter": ("TokenApiAccessLogGroup", "TokenApiThrottled"),
}
# Alarm -> (namespace kind, metric, the resource its dimension names); "custom" metrics come from the filters above.
ALARMS = {
    "TokenUpstreamFailureAlarm": ("custom", "TokenRequests", None),
    "TokenUpstreamSlowAlarm": ("custom", "TokenUpstreamLatency", None),
    "TokenInvalidClientAlarm": ("custom", "TokenInvalidClient", None),
    "TokenSalesforceErrorAlarm": ("custom", "TokenRequests", None),
    "TokenInternalErrorAlarm": ("custom", "TokenRequests", None),
    "SkillFailedAlarm": ("custom", "SkillRequests", None),
    "SkillSessionInvalidAlarm": ("custom", "SkillRequests", None),
    "TokenFunctionErrorsAlarm": ("AWS/Lambda", "Errors", "TokenFunction"),
    "TokenFunctionThrottlesAlarm": ("AWS/Lambda", "Throttles", "TokenFunction"),
    "TokenFunctionNearTimeoutAlarm": ("AWS/Lambda", "Duration", "TokenFunction"),
    "SkillFunctionErrorsAlarm": ("AWS/Lambda", "Errors", "SkillFunction"),
    "SkillFunctionThrottlesAlarm": ("AWS/Lambda", "Throttles", "SkillFunction"),
    "SkillFunctionNearTimeoutAlarm": ("AWS/Lambda", "Duration", "SkillFunction"),
    "TokenApi5xxAlarm": ("AWS/ApiGateway", "5xx", "TokenApi"),
    "TokenApiThrottledAlarm": ("custom", "TokenApiThrottled", None),
}
ALARM_DIMENSION_VALUES = {"TokenUpstreamFailureAlarm": "upstream_failure", "TokenSalesforceErrorAlarm": "salesforce_error",
                          "TokenInternalErrorAlarm": "internal_error",
                          "SkillFailedAlarm": "FAILED", "SkillSessionInvalidAlarm": "SESSION_INVALID"}
# The outcome values the functions log, read from their sources so an alarm cannot watch a value nobody writes.
OUTCOME_SOURCES = {
    "TokenRequests": ("token-function/src/main/java/io/github/asflink/token/TokenExchange.java", str.lower),
    "SkillRequests": ("skill-function/src/main/java/io/github/asflink/skill/Turn.java", str),
}


# The translator warns at exit that nobody published its usage metrics; there is nothing to publish them to.
logging.getLogger("samtranslator.metrics").setLevel(logging.ERROR)


class MissingParameter(Exception):
    pass


class Ref:
    """A reference to a resource (or its attribute) that only exists once deployed."""

    def __init__(self, resource, attribute=None):
        self.resource, self.attribute = resource, attribute

    def __eq__(self, other):
        return isinstance(other, Ref) and (self.resource, self.attribute) == (other.resource, other.attribute)

    def __repr__(self):
        return f"<{self.resource}{'.' + self.attribute if self.attribute else ''}>"


def parameter_values(template, given):
    """What CloudFormation would take for each parameter: the given value or the Default; none is a refusal."""
    values = {}
    for name, spec in template["Parameters"].items():
        if name in given:
            values[name] = str(given[name])
        elif "Default" in spec:
            values[name] = str(spec["Default"])
        else:
            raise MissingParameter(name)
    return values


def constraint_violations(spec, value):
    """The CloudFormation parameter constraints a value breaks (AllowedPattern is matched in full)."""
    broken = []
    pattern = spec.get("AllowedPattern")
    if pattern is not None and re.fullmatch(pattern, value) is None:
        broken.append(f"AllowedPattern {pattern}")
    if "AllowedValues" in spec and value not in [str(v) for v in spec["AllowedValues"]]:
        broken.append("AllowedValues")
    if spec.get("Type") == "Number":
        number = float(value)
        if "MinValue" in spec and number < float(spec["MinValue"]):
            broken.append(f"MinValue {spec['MinValue']}")
        if "MaxValue" in spec and number > float(spec["MaxValue"]):
            broken.append(f"MaxValue {spec['MaxValue']}")
    return broken


class Resolver:
    """Resolves Ref, Fn::If, Fn::Sub, Fn::GetAtt and friends against parameter values; resources stay Refs."""

    def __init__(self, template, values):
        self.values = dict(PSEUDO, **values)
        self.resources = template["Resources"]
        self.conditions = {}
        self.condition_specs = template.get("Conditions", {})

    def condition(self, name):
        if name not in self.conditions:
            self.conditions[name] = bool(self.resolve(self.condition_specs[name]))
        return self.conditions[name]

    def resolve(self, node):
        if isinstance(node, list):
            return [v for v in (self.resolve(x) for x in node) if v is not NO_VALUE]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, arg), = node.items()
            if key == "Ref":
                if arg == "AWS::NoValue":
                    return NO_VALUE
                if arg in self.values:
                    return self.values[arg]
                return Ref(arg)
            if key == "Fn::GetAtt":
                resource, attribute = arg if isinstance(arg, list) else arg.split(".", 1)
                return Ref(resource, attribute)
            if key == "Fn::If":
                name, then, otherwise = arg
                return self.resolve(then if self.condition(name) else otherwise)
            if key == "Fn::Equals":
                a, b = (self.resolve(x) for x in arg)
                return a == b
            if key == "Fn::Not":
                return not self.resolve(arg[0])
            if key == "Fn::And":
                return all(self.resolve(x) for x in arg)
            if key == "Fn::Or":
                return any(self.resolve(x) for x in arg)
            if key == "Condition":
                return self.condition(arg)
            if key == "Fn::Sub":
                text, extra = (arg, {}) if isinstance(arg, str) else (arg[0], self.resolve(arg[1]))
                return re.sub(r"\$\{([^}!]+)\}", lambda m: self.sub(m.group(1), extra), text)
        resolved = {k: self.resolve(v) for k, v in node.items()}
        return {k: v for k, v in resolved.items() if v is not NO_VALUE}

    def sub(self, name, extra):
        value = extra.get(name, self.values.get(name))
        return "${" + name + "}" if value is None or isinstance(value, Ref) else str(value)


NO_VALUE = object()


def translate(template_text, given):
    """SAM's transform of the template, resolved with the given parameters; also returns the parameter values."""
    template = yaml_parse(template_text)
    values = parameter_values(template, given)
    sam = copy.deepcopy(template)
    for resource in sam["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://bucket/key.zip"  # the transform wants S3; sam build decides
    out = transform(sam, values, NoManagedPolicies())
    resolver = Resolver(out, values)
    resources = {}
    for name, resource in out["Resources"].items():
        if "Condition" in resource and not resolver.condition(resource["Condition"]):
            continue  # not deployed with these parameters
        resources[name] = resolver.resolve(resource)
    return template, values, resources


class NoManagedPolicies:
    def load(self):
        return {}


class Checks:
    def __init__(self):
        self.results = []

    def check(self, name, ok, detail=""):
        self.results.append((name, bool(ok), detail))

    def report(self):
        failed = [r for r in self.results if not r[1]]
        for name, ok, detail in self.results:
            print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else f"\n       {detail}"))
        print(f"template: {len(self.results) - len(failed)} passed, {len(failed)} failed")
        return 1 if failed else 0


def check_parameters(c, template):
    params = template["Parameters"]
    for name in ("AllowedClientIds", "AlexaSkillId"):
        c.check(f"{name} has no Default (a stack cannot be deployed without it)", "Default" not in params.get(name, {}),
                f"Default is {params.get(name, {}).get('Default')!r}")
        try:
            parameter_values(template, {k: v for k, v in REQUIRED_ONLY.items() if k != name})
            c.check(f"deploying without {name} is refused", False, "every parameter had a value")
        except MissingParameter as e:
            c.check(f"deploying without {name} is refused", str(e) == name, f"refused for {e} instead")
    clients = params["AllowedClientIds"]
    for value in ("*", "3MVG9abc", "3MVG9a.b_c,3MVG9d", REQUIRED_ONLY["AllowedClientIds"], FULL_SET["AllowedClientIds"]):
        c.check(f"AllowedClientIds accepts {value!r}", not constraint_violations(clients, value))
    for value in ("", "a, b", "a,,b", ",a", "a,", "**", "a,*", "a b", "key-1", "a;b"):
        c.check(f"AllowedClientIds refuses {value!r}", constraint_violations(clients, value))
    c.check("AllowedClientIds's Description calls '*' unsafe (any client can use the endpoint as a relay)",
            "'*'" in clients.get("Description", "") and "unsafe" in clients.get("Description", "")
            and "relay" in clients.get("Description", ""))
    skill = params["AlexaSkillId"]
    c.check("AlexaSkillId accepts a skill id", not constraint_violations(skill, REQUIRED_ONLY["AlexaSkillId"]))
    for value in ("", "amzn1.ask.skill.", "amzn1.ask.skill.xyz", "amzn1.ask.skill.abc def",
                  "amzn1.echo-sdk-ams.app.1234", "xamzn1.ask.skill.abc", "amzn1.ask.skill.abc\n"):
        c.check(f"AlexaSkillId refuses {value!r}", constraint_violations(skill, value))
    c.check("no condition makes the skill id optional", "Conditions" not in template
            or not any("AlexaSkillId" in json.dumps(v) for v in template["Conditions"].values()))
    for label, given in (("required only", REQUIRED_ONLY), ("full set", FULL_SET)):
        values = parameter_values(template, given)
        for name, value in values.items():
            broken = constraint_violations(params[name], value)
            c.check(f"[{label}] {name}={value!r} meets its constraints", not broken, ", ".join(broken))


def check_deployment(c, label, template, values, out):
    tag = f"[{label}] "
    functions = {k: v["Properties"] for k, v in out.items() if v["Type"] == "AWS::Lambda::Function"}
    for name in ("TokenFunction", "SkillFunction"):
        props = functions[name]
        c.check(tag + f"{name} runs java21", props.get("Runtime") == "java21")
        c.check(tag + f"{name} runs on arm64", props.get("Architectures") == ["arm64"])
        c.check(tag + f"{name} has SnapStart on published versions",
                props.get("SnapStart", {}).get("ApplyOn") == "PublishedVersions", props.get("SnapStart"))
        c.check(tag + f"{name} logs in Lambda's JSON format", props.get("LoggingConfig", {}).get("LogFormat") == "JSON")
        alias = out.get(f"{name}Aliaslive", {})
        c.check(tag + f"{name} has a live alias", alias.get("Type") == "AWS::Lambda::Alias"
                and alias["Properties"].get("FunctionName") == Ref(name), alias)
        env = props.get("Environment", {}).get("Variables", {})
        c.check(tag + f"{name} gets INSTANCE_URL_ALLOWLIST={values['InstanceUrlAllowlist']!r}",
                env.get("INSTANCE_URL_ALLOWLIST") == values["InstanceUrlAllowlist"], env.get("INSTANCE_URL_ALLOWLIST"))

        variable, calls = SALESFORCE_TIMEOUT, SALESFORCE_CALLS_IN_SERIES[name]
        source = template["Resources"][name]["Properties"]["Environment"]["Variables"].get(variable, {})
        parameter = source.get("Ref") if isinstance(source, dict) else None
        c.check(tag + f"{name}'s {variable} comes from a parameter", parameter in template["Parameters"], source)
        if parameter in template["Parameters"]:
            c.check(tag + f"{name} gets {variable}={values[parameter]!r}", env.get(variable) == values[parameter],
                    env.get(variable))
            bound = calls * int(template["Parameters"][parameter]["MaxValue"])
            timeout_ms = int(props.get("Timeout", 3)) * 1000
            c.check(tag + f"{name}'s Timeout ({timeout_ms} ms) exceeds {calls} x {parameter}'s MaxValue ({bound} ms)",
                    timeout_ms > bound)
            c.check(tag + f"{name}: {calls} x {parameter}'s MaxValue + {OVERHEAD_MS} ms fits the {ALEXA_WAIT_MS[name]}"
                    " ms Alexa waits", bound + OVERHEAD_MS <= ALEXA_WAIT_MS[name], f"{bound + OVERHEAD_MS} ms")

    token_env = functions["TokenFunction"].get("Environment", {}).get("Variables", {})
    c.check(tag + f"TokenFunction gets ALLOWED_CLIENT_IDS={values['AllowedClientIds']!r}",
            token_env.get("ALLOWED_CLIENT_IDS") == values["AllowedClientIds"], token_env.get("ALLOWED_CLIENT_IDS"))
    skill_env = functions["SkillFunction"].get("Environment", {}).get("Variables", {})
    c.check(tag + f"SkillFunction gets SKILL_ID={values['AlexaSkillId']!r}",
            skill_env.get("SKILL_ID") == values["AlexaSkillId"], skill_env.get("SKILL_ID"))

    api = out["TokenApi"]["Properties"]["Body"]["paths"]
    c.check(tag + "HTTP API has exactly the /token route, for every method (the function answers 405 itself)",
            list(api) == ["/token"] and list(api["/token"]) == ["x-amazon-apigateway-any-method"], list(api))
    integration = api["/token"]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"]
    c.check(tag + "HTTP API invokes the token function's alias (so SnapStart applies)",
            "${TokenFunctionAliaslive}" in str(integration.get("uri")), integration.get("uri"))
    c.check(tag + "HTTP API uses payload format 2.0", integration.get("payloadFormatVersion") == "2.0")
    api_permissions = [v["Properties"] for v in out.values() if v["Type"] == "AWS::Lambda::Permission"
                       and v["Properties"].get("Principal") == "apigateway.amazonaws.com"]
    c.check(tag + "API Gateway may invoke only the token function's alias",
            len(api_permissions) == 1 and api_permissions[0]["FunctionName"] == Ref("TokenFunctionAliaslive"),
            api_permissions)

    stage = out["TokenApiApiGatewayDefaultStage"]["Properties"]
    routes = stage.get("DefaultRouteSettings", {})
    c.check(tag + "HTTP API throttles the token route with the parameters",
            str(routes.get("ThrottlingBurstLimit")) == values["ThrottlingBurstLimit"]
            and str(routes.get("ThrottlingRateLimit")) == values["ThrottlingRateLimit"], routes)
    check_access_log(c, tag, values, out, stage.get("AccessLogSettings"))

    alexa = [v["Properties"] for v in out.values() if v["Type"] == "AWS::Lambda::Permission"
             and v["Properties"].get("Principal") == "alexa-appkit.amazon.com"]
    c.check(tag + "Alexa may invoke only the skill function's alias",
            len(alexa) == 1 and alexa[0]["FunctionName"] == Ref("SkillFunctionAliaslive"), alexa)
    c.check(tag + f"the Alexa permission's EventSourceToken is exactly {values['AlexaSkillId']!r}",
            len(alexa) == 1 and alexa[0].get("EventSourceToken") == values["AlexaSkillId"],
            alexa[0].get("EventSourceToken") if alexa else None)

    for name in ("TokenFunctionLogGroup", "SkillFunctionLogGroup"):
        group = out.get(name, {}).get("Properties", {})
        c.check(tag + f"{name} keeps logs {values['LogRetentionDays']} days",
                str(group.get("RetentionInDays")) == values["LogRetentionDays"], group.get("RetentionInDays"))
    check_monitoring(c, tag, values, out)


def logged_outcomes(metric):
    """The values of the enum Outcome in the function's source, as its log line writes them."""
    path, spelling = OUTCOME_SOURCES[metric]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    source = open(os.path.join(root, path)).read()
    body = re.search(r"enum Outcome \{([^;}]*)", source).group(1)
    return {spelling(v) for v in re.findall(r"[A-Z][A-Z_]+", body)}


def check_monitoring(c, tag, values, out):
    namespace = NAMESPACE.format(stack=PSEUDO["AWS::StackName"])
    for group in TRANSFORMED_GROUPS:
        transformers = [v["Properties"] for v in out.values() if v["Type"] == "AWS::Logs::Transformer"
                        and v["Properties"].get("LogGroupIdentifier") == Ref(group)]
        steps = transformers[0].get("TransformerConfig", []) if len(transformers) == 1 else []
        c.check(tag + f"{group} has one transformer that parses the record, then its message into line",
                len(steps) == 2 and "ParseJSON" in steps[0] and not steps[0]["ParseJSON"].get("Source")
                and steps[1].get("ParseJSON") == {"Source": "message", "Destination": "line"}, steps)

    published = {}
    for name, (group, metric) in METRIC_FILTERS.items():
        f = out.get(name, {})
        props = f.get("Properties", {})
        c.check(tag + f"{name} is a metric filter on {group}", f.get("Type") == "AWS::Logs::MetricFilter"
                and props.get("LogGroupName") == Ref(group), props.get("LogGroupName"))
        transformed = group in TRANSFORMED_GROUPS
        c.check(tag + f"{name} reads the {'transformed' if transformed else 'original'} events",
                bool(props.get("ApplyOnTransformedLogs")) == transformed
                and (not transformed or f.get("DependsOn") in (group.replace("LogGroup", "LogTransformer"),
                                                               [group.replace("LogGroup", "LogTransformer")])),
                props.get("ApplyOnTransformedLogs"))
        pattern = props.get("FilterPattern", "")
        c.check(tag + f"{name}'s pattern selects fields of {'line' if transformed else 'the record'}",
                pattern.strip().startswith("{") and ("$.line." in pattern) == transformed, pattern)
        transformations = props.get("MetricTransformations", [])
        t0 = transformations[0] if len(transformations) == 1 else {}
        c.check(tag + f"{name} publishes {namespace}/{metric}",
                t0.get("MetricNamespace") == namespace and t0.get("MetricName") == metric, t0)
        dims = t0.get("Dimensions", [])
        c.check(tag + f"{name} has at most 3 dimensions, from fields of the line, and no default value",
                len(dims) <= 3 and all(str(d.get("Value", "")).startswith("$.line.") for d in dims)
                and not (dims and "DefaultValue" in t0), dims)
        published[metric] = sorted(d.get("Key") for d in dims)

    topic = out.get("AlarmTopic")
    email = values["AlarmEmail"]
    if email:
        subs = topic.get("Properties", {}).get("Subscription", []) if topic else []
        c.check(tag + f"an SNS topic mails {email!r}", topic is not None and topic["Type"] == "AWS::SNS::Topic"
                and subs == [{"Protocol": "email", "Endpoint": email}], subs)
    else:
        c.check(tag + "no SNS topic without AlarmEmail", topic is None, topic)
    expected_actions = [Ref("AlarmTopic")] if email else None

    for name, (kind, metric, resource) in ALARMS.items():
        a = out.get(name, {})
        props = a.get("Properties", {})
        c.check(tag + f"{name} is an alarm", a.get("Type") == "AWS::CloudWatch::Alarm")
        dims = {d.get("Name"): d.get("Value") for d in props.get("Dimensions", [])}
        if kind == "custom":
            c.check(tag + f"{name} watches {namespace}/{metric}, which a filter publishes",
                    props.get("Namespace") == namespace and props.get("MetricName") == metric
                    and metric in published, (props.get("Namespace"), props.get("MetricName")))
            c.check(tag + f"{name}'s dimensions are exactly those the filter publishes (else it watches nothing)",
                    sorted(dims) == published.get(metric), sorted(dims))
        else:
            c.check(tag + f"{name} watches {kind}/{metric} of {resource}",
                    props.get("Namespace") == kind and props.get("MetricName") == metric
                    and list(dims.values()) == [Ref(resource)], (props.get("Namespace"), props.get("MetricName"), dims))
        if name in ALARM_DIMENSION_VALUES:
            value = ALARM_DIMENSION_VALUES[name]
            c.check(tag + f"{name} watches Outcome={value}, an outcome the function logs",
                    dims.get("Outcome") == value and value in logged_outcomes(metric), dims.get("Outcome"))
        c.check(tag + f"{name} treats missing data as not breaching (silence is normal)",
                props.get("TreatMissingData") == "notBreaching", props.get("TreatMissingData"))
        c.check(tag + f"{name} {'notifies the topic' if email else 'has no actions without AlarmEmail'}",
                props.get("AlarmActions") == expected_actions and props.get("OKActions") == expected_actions,
                props.get("AlarmActions"))
    for fn, timeout in (("TokenFunction", 5), ("SkillFunction", 7)):
        threshold = out.get(fn + "NearTimeoutAlarm", {}).get("Properties", {}).get("Threshold")
        actual = out.get(fn, {}).get("Properties", {}).get("Timeout", timeout) * 1000
        c.check(tag + f"{fn}NearTimeoutAlarm fires below {fn}'s Timeout",
                threshold is not None and 0.8 * actual <= float(threshold) < actual, threshold)
    session = out.get("SkillSessionInvalidAlarm", {}).get("Properties", {}).get("Threshold")
    c.check(tag + f"SkillSessionInvalidAlarm uses SessionInvalidThreshold={values['SessionInvalidThreshold']}",
            str(session) == values["SessionInvalidThreshold"], session)

    dashboard = out.get("MonitoringDashboard", {})
    try:
        body = json.loads(dashboard.get("Properties", {}).get("DashboardBody", ""))
    except (TypeError, ValueError) as e:
        c.check(tag + "the dashboard body is JSON", False, e)
        return
    text = json.dumps(body)
    c.check(tag + "the dashboard shows every alarm",
            all("${" + a + ".Arn}" in text for a in ALARMS), [a for a in ALARMS if "${" + a + ".Arn}" not in text])
    c.check(tag + "the dashboard charts every published metric", all(m in text for m in published),
            [m for m in published if m not in text])
    c.check(tag + "the dashboard has the token and skill functions and the HTTP API",
            all("${" + r + "}" in text for r in ("TokenFunction", "SkillFunction", "TokenApi")))
    c.check(tag + f"the dashboard's custom metrics are in {namespace}",
            namespace in text and "${AWS::StackName}" not in text)


def check_access_log(c, tag, values, out, settings):
    c.check(tag + "HTTP API stage writes access logs", isinstance(settings, dict), settings)
    if not isinstance(settings, dict):
        return
    destination = settings.get("DestinationArn")
    group = out.get(destination.resource, {}) if isinstance(destination, Ref) else {}
    c.check(tag + "access logs go to a log group of this stack",
            isinstance(destination, Ref) and destination.attribute == "Arn"
            and group.get("Type") == "AWS::Logs::LogGroup", destination)
    c.check(tag + f"the access log group keeps {values['LogRetentionDays']} days",
            str(group.get("Properties", {}).get("RetentionInDays")) == values["LogRetentionDays"],
            group.get("Properties", {}).get("RetentionInDays"))
    text = settings.get("Format", "")
    try:
        fields = json.loads(text)
    except (TypeError, ValueError) as e:
        c.check(tag + "access log format is one JSON object", False, e)
        return
    c.check(tag + "access log format is one JSON object of strings",
            isinstance(fields, dict) and all(isinstance(v, str) for v in fields.values()))
    used = set(re.findall(r"\$context\.[A-Za-z.]+", text))
    c.check(tag + "access log has the fields that explain a throttled or timed-out request",
            ACCESS_LOG_FIELDS <= used, sorted(ACCESS_LOG_FIELDS - used))
    c.check(tag + "access log holds no headers, query strings or bodies",
            not ACCESS_LOG_FORBIDDEN.search(text) and "$" not in text.replace("$context.", ""),
            ACCESS_LOG_FORBIDDEN.findall(text))


def run(text):
    c = Checks()
    check_parameters(c, yaml_parse(text))
    for label, given in (("required only", REQUIRED_ONLY), ("full set", FULL_SET)):
        try:
            template, values, out = translate(text, given)
            check_deployment(c, label, template, values, out)
        except Exception as e:  # a missing resource or property is a failed check, not a crash without a summary
            c.check(f"[{label}] the transformed template has the expected shape", False, f"{type(e).__name__}: {e}")
    return c


# Edits that bring back each hole these checks exist for; each must make a named check fail, or the check is dead.
MUTATIONS = [
    ("AllowedClientIds with an empty default", "AllowedClientIds:\n    Type: String\n",
     "AllowedClientIds:\n    Type: String\n    Default: \"\"\n", "AllowedClientIds has no Default"),
    ("AlexaSkillId with an empty default", "AlexaSkillId:\n    Type: String\n",
     "AlexaSkillId:\n    Type: String\n    Default: amzn1.ask.skill.0\n", "AlexaSkillId has no Default"),
    ("client ids with spaces allowed", '[A-Za-z0-9._]+(,[A-Za-z0-9._]+)*', '[A-Za-z0-9._ ]+(,[A-Za-z0-9._ ]+)*',
     "AllowedClientIds refuses 'a, b'"),
    ("no SkillId on the AlexaSkill event", "          Type: AlexaSkill\n          Properties:\n            SkillId: !Ref AlexaSkillId\n",
     "          Type: AlexaSkill\n",
     "EventSourceToken is exactly"),
    ("a fixed skill id on the event", "SkillId: !Ref AlexaSkillId", "SkillId: amzn1.ask.skill.0",
     "EventSourceToken is exactly"),
    ("token timeout below its Salesforce bound", "MaxValue: 3500", "MaxValue: 30000",
     "TokenFunction's Timeout"),
    ("skill timeout below two Salesforce calls", "    MinValue: 100\n    MaxValue: 3000\n",
     "    MinValue: 100\n    MaxValue: 3500\n", "SkillFunction's Timeout"),
    ("no access log", "      AccessLogSettings:", "      XAccessLogSettings:", "expected shape"),
    ("a header in the access log", '"ip":"$context.identity.sourceIp"', '"ua":"$context.identity.userAgent"',
     "no headers"),
    ("access log kept forever", "token-access\n      RetentionInDays: !Ref LogRetentionDays",
     "token-access\n      RetentionInDays: 3653", "the access log group keeps"),
    ("no SnapStart", "    SnapStart:\n      ApplyOn: PublishedVersions\n", "", "SnapStart"),
    ("skill id env var not the parameter", "SKILL_ID: !Ref AlexaSkillId", "SKILL_ID: \"\"", "gets SKILL_ID"),
    ("a token filter on the skill's log group",
     "LogGroupName: !Ref TokenFunctionLogGroup\n      ApplyOnTransformedLogs",
     "LogGroupName: !Ref SkillFunctionLogGroup\n      ApplyOnTransformedLogs", "TokenRequestsMetricFilter is a metric filter"),
    ("a filter on the untransformed events", "ApplyOnTransformedLogs: true", "ApplyOnTransformedLogs: false",
     "reads the transformed events"),
    ("the transformer parses into another field", "Destination: line", "Destination: fields",
     "parses the record, then its message into line"),
    ("an alarm on a metric nobody publishes", "MetricName: TokenInvalidClient\n      Statistic",
     "MetricName: TokenInvalidClients\n      Statistic", "which a filter publishes"),
    ("an alarm on an outcome the skill never logs", "Value: SESSION_INVALID", "Value: SESSION_EXPIRED",
     "an outcome the function logs"),
    ("an alarm with a dimension the filter lacks", "          Value: upstream_failure\n",
     "          Value: upstream_failure\n        - Name: GrantType\n          Value: refresh_token\n",
     "dimensions are exactly those"),
    ("the SNS topic without its condition", "    Condition: HasAlarmEmail\n", "", "no SNS topic without AlarmEmail"),
    ("an alarm that breaches on silence", "TreatMissingData: notBreaching", "TreatMissingData: breaching",
     "treats missing data"),
    ("an alarm missing from the dashboard", '"${SkillFailedAlarm.Arn}",', "", "the dashboard shows every alarm"),
]


def self_test(text):
    """Runs each mutation; returns the names of those the checks did not catch."""
    missed = []
    for name, old, new, expected in MUTATIONS:
        if old not in text:
            missed.append(f"{name} (the template no longer has the text to mutate)")
            continue
        failed = [n for n, ok, _ in run(text.replace(old, new, 1)).results if not ok]
        if not any(expected in n for n in failed):
            missed.append(f"{name} (expected a failing check containing {expected!r}, failed: {failed[:3]})")
    return missed


def main(path, with_self_test):
    text = open(path).read()
    status = run(text).report()
    if with_self_test:
        missed = self_test(text)
        for m in missed:
            print("FAIL self-test: the checks miss " + m)
        print(f"self-test: {len(MUTATIONS) - len(missed)} of {len(MUTATIONS)} broken templates caught")
        status = status or (1 if missed else 0)
    return status


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--self-test"]
    sys.exit(main(args[0] if args else "template.yaml", "--self-test" in sys.argv[1:]))
