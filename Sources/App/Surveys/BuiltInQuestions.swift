import Foundation

/// The built-in pulse questions. Trust and taking responsibility follow the guiding principle
/// "We trust each other and take responsibility" (trust was a recurring theme of the employee
/// opinion survey: source 000); psychological safety follows "safe working: psychological and
/// physical" (source 004). Their keys stay the same from survey to survey, so the trend can be read.
enum BuiltInQuestions {
    struct Question: Sendable {
        var key: String
        var text: String
    }

    struct Set: Sendable {
        var key: String
        var title: String
        var questions: [Question]
    }

    static let trust = Set(key: "trust", title: "Trust and taking responsibility", questions: [
        Question(key: "trust.colleagues", text: "I can trust the people I work with to do what they say they will do."),
        Question(key: "trust.manager", text: "My manager trusts me to decide how I achieve my outcomes."),
        Question(key: "trust.responsibility", text: "People here take responsibility for their work and hold themselves to account."),
        Question(key: "trust.follow-through", text: "When we agree actions, they get done."),
    ])

    static let safety = Set(key: "safety", title: "Psychological safety", questions: [
        Question(key: "safety.speak-up", text: "I feel safe to speak up and to challenge the way things are done."),
        Question(key: "safety.mistakes", text: "If I make a mistake, it is not held against me."),
        Question(key: "safety.help", text: "It is easy to ask other people in my team for help."),
        Question(key: "safety.wellbeing", text: "I feel physically and psychologically safe at work."),
    ])

    static let sets = [trust, safety]

    static let comments = Question(key: "comments", text: "Is there anything else you would like to tell us?")

    /// The scale's five points, 1 to 5.
    static let scale = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
}
