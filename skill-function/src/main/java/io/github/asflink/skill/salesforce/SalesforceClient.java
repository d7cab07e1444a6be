package io.github.asflink.skill.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asflink.linkedtoken.LinkedToken;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The Salesforce calls the skill makes, for one request's linked user. Independent calls go out together; every call
 * is bounded end to end (headers and body) by {@link RequestBudget#bound}. Every method returns a typed
 * {@link SalesforceResult}; nothing here throws for a Salesforce problem. The access token goes into the
 * {@code Authorization} header and nowhere else: not into a result, a failure or a log field.
 */
public final class SalesforceClient {

    private static final String USERINFO = "/services/oauth2/userinfo";

    private final LinkedToken token;
    private final SalesforceSettings settings;
    private final SalesforceTransport transport;
    private final ObjectMapper json;
    private final OrgCurrencies orgs;
    private final RequestBudget budget;
    private final CallMeter meter;

    SalesforceClient(LinkedToken token, SalesforceSettings settings, SalesforceTransport transport, ObjectMapper json,
                     OrgCurrencies orgs, RequestBudget budget, CallMeter meter) {
        this.token = token;
        this.settings = settings;
        this.transport = transport;
        this.json = json;
        this.orgs = orgs;
        this.budget = budget;
        this.meter = meter;
    }

    /** What an operation found, with the user it was asked for (whose time zone says what "today" is). */
    public record ForUser<T>(SalesforceUser user, T value) {
    }

    /** {@code GET /services/oauth2/userinfo}: who the linked user is, and whether the link still works. */
    public SalesforceResult<SalesforceUser> user() {
        long start = System.nanoTime();
        SalesforceResult<SalesforceUser> user = read(await(send(get(USERINFO), SalesforceFailure.Service.IDENTITY,
                200)), SalesforceAnswers::user);
        meter.waited(1, elapsedMs(start));
        return user;
    }

    /**
     * The pipeline in one round trip: userinfo, the totals, the next to close and (until this org's currency is
     * known) the org's currency, in parallel. An org not yet known to be single-currency is asked for the next deal's
     * currency; if it has no such field, the single-currency form follows, and the org is remembered as
     * single-currency.
     */
    public SalesforceResult<ForUser<Pipeline>> pipeline() {
        String origin = token.instanceBase();
        OrgCurrencies.OrgCurrency known = orgs.get(origin);
        long start = System.nanoTime();
        CompletableFuture<Exchange> user = send(get(USERINFO), SalesforceFailure.Service.IDENTITY, 200);
        CompletableFuture<Exchange> totals = query(Soql.PIPELINE_TOTALS);
        CompletableFuture<Exchange> next = query(known.singleCurrency()
                ? Soql.NEXT_TO_CLOSE_SINGLE_CURRENCY : Soql.NEXT_TO_CLOSE_MULTI_CURRENCY);
        CompletableFuture<Exchange> currency = known.corporateLearned() ? null : query(Soql.ORG_CURRENCY);
        int roundTrips = 1;

        SalesforceResult<JsonNode> nextAnswer = await(next);
        if (!known.singleCurrency() && isMissingCurrencyField(nextAnswer)) {
            known = orgs.learnSingleCurrency(origin);
            nextAnswer = await(query(Soql.NEXT_TO_CLOSE_SINGLE_CURRENCY));
            roundTrips = 2;
        }
        SalesforceResult<SalesforceUser> userAnswer = read(await(user), SalesforceAnswers::user);
        SalesforceResult<SalesforceAnswers.Totals> totalsAnswer = read(await(totals), SalesforceAnswers::totals);
        SalesforceResult<Optional<Pipeline.Opportunity>> nextToClose = read(nextAnswer, SalesforceAnswers::nextToClose);
        Optional<SalesforceResult<Optional<Currency>>> currencyAnswer = currency == null ? Optional.empty()
                : Optional.of(read(await(currency), SalesforceAnswers::orgCurrency));
        meter.waited(roundTrips, elapsedMs(start));

        // The currency is a nicety: without it amounts are spoken as plain numbers, so its failure fails nothing.
        Optional<SalesforceFailure> failure = firstFailure(userAnswer, totalsAnswer, nextToClose);
        if (failure.isPresent()) {
            return new SalesforceResult.Failure<>(failure.get());
        }
        Optional<Currency> corporate = currencyAnswer.isEmpty() ? known.corporate()
                : learnCorporate(origin, currencyAnswer.get());
        boolean singleCurrency = known.singleCurrency();
        SalesforceAnswers.Totals sums = value(totalsAnswer);
        Optional<Pipeline.Opportunity> nextDeal = value(nextToClose).map(deal -> singleCurrency
                ? new Pipeline.Opportunity(deal.name(), deal.amount(), corporate, deal.closeDate())
                : deal);
        return new SalesforceResult.Success<>(new ForUser<>(value(userAnswer),
                new Pipeline(sums.openCount(), sums.openAmount(), corporate, nextDeal)));
    }

    /** How many open cases the user owns and the top three by priority: two independent queries, in parallel. */
    public SalesforceResult<OpenCases> openCases() {
        long start = System.nanoTime();
        CompletableFuture<Exchange> count = query(Soql.OPEN_CASE_COUNT);
        CompletableFuture<Exchange> top = query(Soql.TOP_OPEN_CASES);
        SalesforceResult<Integer> total = read(await(count), SalesforceAnswers::count);
        SalesforceResult<List<OpenCases.CaseSummary>> cases = read(await(top), SalesforceAnswers::cases);
        meter.waited(1, elapsedMs(start));
        Optional<SalesforceFailure> failure = firstFailure(total, cases);
        return failure.<SalesforceResult<OpenCases>>map(SalesforceResult.Failure::new)
                .orElseGet(() -> new SalesforceResult.Success<>(new OpenCases(value(total), value(cases))));
    }

    /** {@code POST /sobjects/Task}: a not-started task owned by the user; the result is the new Task's id. */
    public SalesforceResult<String> createTask(String ownerId, TaskDraft draft) {
        ObjectNode body = json.createObjectNode()
                .put("Subject", draft.subject())
                .put("ActivityDate", draft.due().toString())
                .put("OwnerId", ownerId)
                .put("Status", "Not Started")
                .put("Priority", "Normal");
        HttpRequest.Builder request;
        try {
            request = request(dataPath("/sobjects/Task"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Task body not serializable", e);
        }
        long start = System.nanoTime();
        SalesforceResult<JsonNode> answer = await(send(request, SalesforceFailure.Service.DATA, 201));
        meter.waited(1, elapsedMs(start));
        return read(answer, SalesforceAnswers::createdId, 201);
    }

    /**
     * A day's agenda in two round trips: userinfo (the user's id, and the zone that says when the day starts and
     * ends), then the timed events, all-day events and open tasks due, in parallel.
     *
     * @param dayFor the day to read, given the user (whose zone says what "today" is)
     */
    public SalesforceResult<ForUser<Agenda>> agenda(Function<SalesforceUser, LocalDate> dayFor) {
        long start = System.nanoTime();
        SalesforceResult<SalesforceUser> user = read(await(send(get(USERINFO), SalesforceFailure.Service.IDENTITY,
                200)), SalesforceAnswers::user);
        if (!(user instanceof SalesforceResult.Success<SalesforceUser> found)) {
            meter.waited(1, elapsedMs(start));
            return new SalesforceResult.Failure<>(((SalesforceResult.Failure<SalesforceUser>) user).failure());
        }
        Optional<String> userId = Soql.userId(found.value().userId());
        if (userId.isEmpty()) {
            meter.waited(1, elapsedMs(start));
            return failed(new SalesforceFailure.UnexpectedAnswer(200, "userinfo user_id is not a user id"));
        }
        LocalDate day = dayFor.apply(found.value());
        ZoneId zone = found.value().zone();
        CompletableFuture<Exchange> timed = query(Soql.timedEvents(userId.get(), day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant()));
        CompletableFuture<Exchange> allDay = query(Soql.allDayEvents(userId.get(), day));
        CompletableFuture<Exchange> tasks = query(Soql.tasksDue(userId.get(), day));
        SalesforceResult<List<Agenda.TimedEvent>> timedAnswer = read(await(timed), SalesforceAnswers::timedEvents);
        SalesforceResult<List<String>> allDayAnswer = read(await(allDay), SalesforceAnswers::allDayEvents);
        SalesforceResult<List<Agenda.DueTask>> tasksAnswer = read(await(tasks), SalesforceAnswers::tasksDue);
        meter.waited(2, elapsedMs(start));
        Optional<SalesforceFailure> failure = firstFailure(timedAnswer, allDayAnswer, tasksAnswer);
        if (failure.isPresent()) {
            return failed(failure.get());
        }
        return new SalesforceResult.Success<>(new ForUser<>(found.value(),
                new Agenda(day, value(allDayAnswer), value(timedAnswer), value(tasksAnswer))));
    }

    /**
     * The user's opportunities whose name matches (at most six), in one round trip: in the form with each record's
     * currency unless the org is known to be single-currency, and (until known) the org's currency alongside. An org
     * without the currency field gets the single-currency form at once, and is remembered, as for the pipeline.
     */
    public SalesforceResult<List<Deal>> deals(NameMatch match) {
        String origin = token.instanceBase();
        OrgCurrencies.OrgCurrency known = orgs.get(origin);
        long start = System.nanoTime();
        CompletableFuture<Exchange> deals = query(known.singleCurrency()
                ? Soql.dealStatusSingleCurrency(match) : Soql.dealStatusMultiCurrency(match));
        CompletableFuture<Exchange> currency = known.corporateLearned() ? null : query(Soql.ORG_CURRENCY);
        int roundTrips = 1;
        SalesforceResult<JsonNode> answer = await(deals);
        if (!known.singleCurrency() && isMissingCurrencyField(answer)) {
            known = orgs.learnSingleCurrency(origin);
            answer = await(query(Soql.dealStatusSingleCurrency(match)));
            roundTrips = 2;
        }
        SalesforceResult<List<Deal>> found = read(answer, SalesforceAnswers::deals);
        Optional<SalesforceResult<Optional<Currency>>> currencyAnswer = currency == null ? Optional.empty()
                : Optional.of(read(await(currency), SalesforceAnswers::orgCurrency));
        meter.waited(roundTrips, elapsedMs(start));
        if (!(found instanceof SalesforceResult.Success<List<Deal>> success)) {
            return found;
        }
        Optional<Currency> corporate = currencyAnswer.isEmpty() ? known.corporate()
                : learnCorporate(origin, currencyAnswer.get());
        Optional<Currency> orgCurrency = known.singleCurrency() ? corporate : Optional.empty();
        return new SalesforceResult.Success<>(success.value().stream().map(deal -> deal.inCurrency(orgCurrency))
                .toList());
    }

    /** The currency answer, remembered unless it failed for a reason that may pass (an outage, a timeout). */
    private Optional<Currency> learnCorporate(String origin, SalesforceResult<Optional<Currency>> answer) {
        return switch (answer) {
            case SalesforceResult.Success<Optional<Currency>> success -> {
                orgs.learnCorporate(origin, success.value());
                yield success.value();
            }
            case SalesforceResult.Failure<Optional<Currency>> failure -> {
                if (failure.failure() instanceof SalesforceFailure.Rejected
                        || failure.failure() instanceof SalesforceFailure.Forbidden
                        || failure.failure() instanceof SalesforceFailure.UnexpectedAnswer) {
                    orgs.learnCorporate(origin, Optional.empty()); // refused for good: amounts as plain numbers
                }
                yield Optional.empty();
            }
        };
    }

    private static boolean isMissingCurrencyField(SalesforceResult<JsonNode> answer) {
        return answer instanceof SalesforceResult.Failure<JsonNode> failure
                && failure.failure() instanceof SalesforceFailure.Rejected rejected
                && rejected.status() == 400 && "INVALID_FIELD".equals(rejected.errorCode());
    }

    /**
     * The failure to report when parallel calls fail: a dead token first (only re-linking helps, whatever else went
     * wrong), otherwise the first in the order given.
     */
    private static Optional<SalesforceFailure> firstFailure(SalesforceResult<?>... results) {
        Optional<SalesforceFailure> first = Optional.empty();
        for (SalesforceResult<?> result : results) {
            if (result instanceof SalesforceResult.Failure<?> failure) {
                if (failure.failure() instanceof SalesforceFailure.SessionInvalid) {
                    return Optional.of(failure.failure());
                }
                if (first.isEmpty()) {
                    first = Optional.of(failure.failure());
                }
            }
        }
        return first;
    }

    /** Only for results a {@link #firstFailure} check has passed. */
    private static <T> T value(SalesforceResult<T> result) {
        return ((SalesforceResult.Success<T>) result).value();
    }

    private CompletableFuture<Exchange> query(String soql) {
        String encoded = URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
        return send(get(dataPath("/query") + "?q=" + encoded), SalesforceFailure.Service.DATA, 200);
    }

    private String dataPath(String path) {
        return "/services/data/" + settings.apiPathVersion() + path;
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return request(pathAndQuery).GET();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(token.instanceBase() + pathAndQuery))
                .header("Authorization", "Bearer " + token.salesforceAccessToken())
                .header("Accept", "application/json");
    }

    /** One call's classified answer and how long it took; {@code sent} is false when the budget was already spent. */
    private record Exchange(SalesforceResult<JsonNode> result, long elapsedMs, boolean sent) {
    }

    /**
     * Sends and classifies; never completes exceptionally. {@code HttpRequest.timeout} stops counting once headers
     * arrive (Java 21 and 25), so the future itself is bounded too: a body that stalls times out the same way, and
     * the transport then cancels the exchange.
     */
    private CompletableFuture<Exchange> send(HttpRequest.Builder builder, SalesforceFailure.Service service,
                                             int expectedStatus) {
        Duration bound = budget.bound(settings.callTimeout());
        boolean budgetBound = bound.compareTo(settings.callTimeout()) < 0;
        if (bound.toMillis() <= 0) {
            return CompletableFuture.completedFuture(new Exchange(failed(new SalesforceFailure.TimedOut(true)), 0,
                    false));
        }
        HttpRequest request = builder.timeout(bound).build();
        long start = System.nanoTime();
        CompletableFuture<SalesforceTransport.Reply> reply;
        try {
            reply = transport.send(request);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply
                .orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS)
                .handle((answer, error) -> new Exchange(error == null
                        ? classify(answer, service, expectedStatus) : failure(error, budgetBound),
                        elapsedMs(start), true));
    }

    private SalesforceResult<JsonNode> classify(SalesforceTransport.Reply reply, SalesforceFailure.Service service,
                                                int expectedStatus) {
        int status = reply.status();
        if (status == expectedStatus) {
            try {
                return new SalesforceResult.Success<>(json.readTree(reply.body()));
            } catch (JsonProcessingException | RuntimeException e) {
                return failed(new SalesforceFailure.UnexpectedAnswer(status, "body is not JSON"));
            }
        }
        return failed(service == SalesforceFailure.Service.IDENTITY
                ? identityFailure(status, IdentityCode.of(reply.body()))
                : dataFailure(status, errorCode(reply.body())));
    }

    /** The identity service answers a dead token with 403 and a plain-text code, not with 401. */
    private static SalesforceFailure identityFailure(int status, Optional<IdentityCode> code) {
        String logged = code.map(IdentityCode::code).orElse("");
        if (status == 401 || (status == 403 && code.isPresent() && code.get().meansDeadToken())) {
            return new SalesforceFailure.SessionInvalid(status, logged);
        }
        if (status == 403) {
            return new SalesforceFailure.Forbidden(SalesforceFailure.Service.IDENTITY, status, logged);
        }
        return commonFailure(status, logged);
    }

    private static SalesforceFailure dataFailure(int status, String errorCode) {
        if (status == 401) {
            return new SalesforceFailure.SessionInvalid(status, errorCode);
        }
        if (status == 403) {
            // The org's 24-hour API allowance is spent: it comes back, so it is an outage, not a permission problem.
            return "REQUEST_LIMIT_EXCEEDED".equals(errorCode)
                    ? new SalesforceFailure.Unavailable(status, errorCode)
                    : new SalesforceFailure.Forbidden(SalesforceFailure.Service.DATA, status, errorCode);
        }
        return commonFailure(status, errorCode);
    }

    private static SalesforceFailure commonFailure(int status, String errorCode) {
        if (status >= 500 || status == 429) {
            return new SalesforceFailure.Unavailable(status, errorCode);
        }
        if (status >= 400) {
            return new SalesforceFailure.Rejected(status, errorCode);
        }
        return new SalesforceFailure.UnexpectedAnswer(status, "unexpected status");
    }

    private String errorCode(String body) {
        try {
            return body == null || body.isBlank() ? "" : SalesforceAnswers.errorCode(json.readTree(body));
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    private static SalesforceResult<JsonNode> failure(Throwable error, boolean budgetBound) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return failed(new SalesforceFailure.TimedOut(budgetBound));
        }
        return failed(new SalesforceFailure.Unreachable(cause.getClass().getName()));
    }

    private static <T> SalesforceResult<T> failed(SalesforceFailure failure) {
        return new SalesforceResult.Failure<>(failure);
    }

    /** Waits for one call (its bound guarantees an end) and counts it on the request's {@link CallMeter}. */
    private SalesforceResult<JsonNode> await(CompletableFuture<Exchange> call) {
        Exchange exchange;
        try {
            exchange = call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(new SalesforceFailure.TimedOut(false));
        } catch (ExecutionException e) {
            return failure(e.getCause(), false);
        }
        if (exchange.sent()) {
            meter.call(exchange.elapsedMs());
        }
        return exchange.result();
    }

    private static <T> SalesforceResult<T> read(SalesforceResult<JsonNode> answer, Reader<T> reader) {
        return read(answer, reader, 200);
    }

    private static <T> SalesforceResult<T> read(SalesforceResult<JsonNode> answer, Reader<T> reader, int status) {
        return answer.then(body -> {
            try {
                return new SalesforceResult.Success<>(reader.read(body));
            } catch (SalesforceAnswers.Unreadable e) {
                return failed(new SalesforceFailure.UnexpectedAnswer(status, e.getMessage()));
            }
        });
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode body) throws SalesforceAnswers.Unreadable;
    }

    @Override
    public String toString() {
        return "SalesforceClient[" + token + "]";
    }
}
