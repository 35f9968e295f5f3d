package io.cxscore.core.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cxscore.core.rubric.RubricException;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The offline judge's fitted parameters, stored as {@code rubrics/cx/<v>/offline/params.json} and
 * produced by {@code cx fit}. Every number here was fitted on the train split of human-labelled data;
 * {@code fit} records where, on how much, and the command that reproduces it.
 *
 * @param ussCutpoints four increasing cut-points on customer sentiment for USS's 1..5 turn scale
 */
public record OfflineJudgeParams(
        String model,
        LinearModel turnSentiment,
        Calibration shift,
        LinearModel resolution,
        Calibration resolutionCalibration,
        LinearModel effort,
        Calibration effortCalibration,
        double[] ussCutpoints,
        Map<String, Object> fit) implements Serializable {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static OfflineJudgeParams parse(byte[] json, String name) {
        if (json.length == 0) throw new RubricException(name + " is missing: fit it with `cx fit`");
        OfflineJudgeParams p;
        try {
            p = JSON.readValue(json, OfflineJudgeParams.class);
        } catch (IOException e) {
            throw new RubricException(name + ": not a valid offline-judge parameter file: " + e.getMessage(), e);
        }
        check(name, "turn_sentiment", p.turnSentiment, FeatureVectors.TURN);
        check(name, "resolution", p.resolution, FeatureVectors.RESOLUTION);
        check(name, "effort", p.effort, FeatureVectors.EFFORT);
        if (p.ussCutpoints == null || p.ussCutpoints.length != 4) throw new RubricException(name + ": ussCutpoints must hold 4 numbers");
        for (Calibration c : List.of(p.shift, p.resolutionCalibration, p.effortCalibration)) {
            if (c == null || !(c.predSd() > 0) || !(c.residualSd() > 0)) throw new RubricException(name + ": a calibration is missing or degenerate");
        }
        return p;
    }

    private static void check(String name, String what, LinearModel m, List<String> expected) {
        if (m == null) throw new RubricException(name + ": " + what + " model missing");
        if (!expected.equals(m.features()) || m.weights().length != expected.size()) {
            throw new RubricException(name + ": " + what + " model was fitted on features " + m.features()
                    + " but the judge computes " + expected + "; re-run `cx fit`");
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
