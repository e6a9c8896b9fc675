package dev.switchboard.policy;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class ErrorBodyIT extends PolicyServiceTestBase {

    @Test
    void unknownPathsMethodsAndBodiesAnswerTheErrorShape() throws Exception {
        mvc.perform(get(platformAdmin(), "/admin/v1/nothing-here")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.type").value("not_found_error"));
        mvc.perform(delete(platformAdmin(), "/admin/v1/orgs")).andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error.code").value("method_not_allowed"));
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("invalid_body"))
                .andExpect(jsonPath("$.error.message").value(Matchers.not(Matchers.containsString("at "))));
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"x\",\"dataClass\":\"secret\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.type").value("invalid_request_error"))
                .andExpect(jsonPath("$.error.message").value(Matchers.containsString("'dataClass'")));
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"x\",\"budgets\":[{\"limit\":\"lots\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(Matchers.containsString("'budgets[0].limit'")));
    }
}
