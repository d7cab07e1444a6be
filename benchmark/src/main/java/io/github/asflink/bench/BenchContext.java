package io.github.asflink.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda {@link Context} for in-process invocations; the logger formats nothing and writes nowhere. */
final class BenchContext implements Context {

    private static final LambdaLogger DISCARD = new LambdaLogger() {
        @Override
        public void log(String message) {
        }

        @Override
        public void log(byte[] message) {
        }
    };

    @Override
    public String getAwsRequestId() {
        return "00000000-0000-4000-8000-000000000bench";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/bench";
    }

    @Override
    public String getLogStreamName() {
        return "bench";
    }

    @Override
    public String getFunctionName() {
        return "bench";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:bench";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return DISCARD;
    }
}
