@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Workshops through the pages: setting one up, the board (post-its, themes, votes), actions,
/// the write-up and series, with every refusal writing nothing.
@Suite("Workshops")
struct WorkshopsTests {
    /// A facilitator's workshop with two groups and two participants (one in each), and an
    /// outsider with an account but no place in it.
    struct Session {
        var workshop: Workshop
        var groups: [WorkshopGroup]
        var facilitator: Browser
        var ann: Browser
        var ben: Browser
        var outsider: Browser
        var annPerson: Person
        var benPerson: Person
        var id: UUID { workshop.id! }
    }

    static func session(_ app: Application, votes: String = "2", anonymous: Bool = true) async throws -> Session {
        let lead = try await Fixtures.person(app, ref: "F1", name: "Fran")
        let ann = try await Fixtures.person(app, ref: "A1", name: "Ann")
        let ben = try await Fixtures.person(app, ref: "B1", name: "Ben")
        let out = try await Fixtures.person(app, ref: "O1", name: "Olu")
        try await Fixtures.account(app, email: "fran@x.org", name: "Fran Test", personID: lead.id)
        try await Fixtures.account(app, email: "ann@x.org", name: "Ann Test", personID: ann.id)
        try await Fixtures.account(app, email: "ben@x.org", name: "Ben Test", personID: ben.id)
        try await Fixtures.account(app, email: "olu@x.org", name: "Olu Test", personID: out.id)
        var facilitator = Browser(app), annB = Browser(app), benB = Browser(app), outB = Browser(app)
        try await facilitator.signIn(email: "fran@x.org")
        try await annB.signIn(email: "ann@x.org")
        try await benB.signIn(email: "ben@x.org")
        try await outB.signIn(email: "olu@x.org")
        try await facilitator.get("/workshops/new")
        var form = ["title": "Leadership of place", "purpose": "Learning community", "questions": "What leadership capability do we need?",
                    "held_on": "14/01/2027", "format": "open-space", "votes": votes]
        if anonymous { form["allow_anonymous"] = "yes" }
        let created = try await facilitator.post("/workshops", form: form)
        #expect(created.status == .seeOther)
        let workshop = try #require(try await Workshop.query(on: app.db).first())
        let id = try workshop.requireID()
        try await facilitator.get("/workshops/\(id)")
        try await facilitator.post("/workshops/\(id)/groups", form: ["group_name": "Red", "group_question": "What is system leadership of place?"])
        try await facilitator.post("/workshops/\(id)/groups", form: ["group_name": "Blue", "group_question": "What makes working safe?"])
        let added = try await facilitator.post("/workshops/\(id)/participants", form: ["staff_numbers": "A1, B1", "role": "participant"])
        #expect(added.status == .seeOther)
        let groups = try await WorkshopGroup.query(on: app.db).sort(\.$position).all()
        for (person, group) in [(ann, groups[0]), (ben, groups[1])] {
            let row = try #require(try await WorkshopParticipant.query(on: app.db).filter(\.$person.$id == person.id!).first())
            try await facilitator.post("/workshops/\(id)/participants/\(row.id!)", form: ["group": group.id!.uuidString])
        }
        try await annB.get("/workshops/\(id)/board")
        try await benB.get("/workshops/\(id)/board")
        try await outB.get("/workshops")
        return Session(workshop: workshop, groups: groups, facilitator: facilitator, ann: annB, ben: benB, outsider: outB, annPerson: ann, benPerson: ben)
    }

    @Test("Setting up: bad details are named by field; the creator facilitates; groups and people are added")
    func setUp() async throws {
        try await withApp { app in
            // setup
            var s = try await Self.session(app)
            // act
            let bad = try await s.facilitator.post("/workshops", form: ["title": "", "questions": " ", "held_on": "31/02/2027", "format": "party", "votes": "99"])
            let badGroup = try await s.facilitator.post("/workshops/\(s.id)/groups", form: ["group_name": "", "group_question": ""])
            let badPeople = try await s.facilitator.post("/workshops/\(s.id)/participants", form: ["staff_numbers": "A1, ZZ9"])
            let page = try await s.ann.get("/workshops/\(s.id)")
            let annEdits = try await s.ann.post("/workshops/\(s.id)/groups", form: ["group_name": "Green", "group_question": "Q"])
            let outsider = try await s.outsider.get("/workshops/\(s.id)")
            // check
            #expect(bad.status == .badRequest)
            for field in ["title", "questions", "held_on", "format", "votes"] { #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field)") }
            #expect(badGroup.status == .badRequest && badGroup.body.string.contains("Enter the group&#39;s name") || badGroup.body.string.contains("Enter the group's name"))
            #expect(badPeople.body.string.contains("No current member of staff has the employee number ZZ9"))
            #expect(try await Workshop.query(on: app.db).count() == 1)
            #expect(try await WorkshopGroup.query(on: app.db).count() == 2)
            #expect(try await WorkshopParticipant.query(on: app.db).count() == 3, "facilitator + Ann + Ben; the refused list added nobody")
            #expect(page.status == .ok && page.body.string.contains("What leadership capability do we need?"))
            #expect(annEdits.status == .forbidden)
            #expect(outsider.status == .notFound)
            #expect(try await Fixtures.auditEvents(app).contains("create workshop"))
        }
    }

    @Test("Post-its: empty, over-long and unallowed anonymous ones are refused with nothing written; anonymous authors stay hidden")
    func postIts() async throws {
        try await withApp { app in
            var s = try await Self.session(app)
            let red = s.groups[0].id!.uuidString
            // act
            let empty = try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "   "])
            let long = try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": String(repeating: "x", count: 281)])
            let fits = try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": String(repeating: "y", count: 280)])
            let named = try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Trust around a shared purpose"])
            let hidden = try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Presenteeism is rewarded", "anonymous": "yes"])
            let benSees = try await s.ben.get("/workshops/\(s.id)/board")
            let annSees = try await s.ann.get("/workshops/\(s.id)/board")
            let api = try await s.ben.get("/api/v1/workshops/\(s.id)/board")
            let outsider = try await s.outsider.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Let me in"])
            // check
            #expect(empty.status == .badRequest && empty.body.string.contains("Write something on the post-it"))
            #expect(long.status == .badRequest && long.body.string.contains("280 characters or fewer (this one has 281)"))
            #expect(fits.status == .seeOther && named.status == .seeOther && hidden.status == .seeOther)
            #expect(outsider.status == .notFound)
            #expect(try await PostIt.query(on: app.db).count() == 3)
            #expect(benSees.body.string.contains("Presenteeism is rewarded"))
            #expect(benSees.body.string.contains("Anonymous"))
            #expect(benSees.body.string.contains("Ann Test"), "the named post-it shows its author")
            #expect(annSees.body.string.contains("You (anonymous to others)"))
            let board = try JSONDecoder().decode(BoardQueries.Model.self, from: Data(api.body.readableBytesView))
            let anonymous = try #require(board.postIts.first { $0.text == "Presenteeism is rewarded" })
            #expect(anonymous.author == "Anonymous" && anonymous.anonymous && !anonymous.mine)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entity == PostIt.auditEntity).filter(\.$entityID == anonymous.id.uuidString).all()
            #expect(audit.count == 1)
            #expect(!audit.compactMap(\.changes).joined().contains("Ann"), "the post-it's audited fields do not name an anonymous author")

            // A session that does not allow anonymity refuses it by name.
            let stored = try #require(try await Workshop.find(s.id, on: app.db))
            stored.allowAnonymous = false
            try await stored.save(on: app.db)
            let refused = try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Quietly", "anonymous": "yes"])
            #expect(refused.status == .badRequest && refused.body.string.contains("has not allowed anonymous post-its"))
            #expect(try await PostIt.query(on: app.db).count() == 3)
        }
    }

    @Test("Themes: create, refuse a duplicate, rename, move post-its in (never into another session's theme), merge with votes")
    func themes() async throws {
        try await withApp { app in
            var s = try await Self.session(app, votes: "3")
            let red = s.groups[0].id!.uuidString
            try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Place before organisation"])
            try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Residents lead"])
            let notes = try await PostIt.query(on: app.db).sort(\.$createdAt).all()
            // act
            try await s.ann.post("/workshops/\(s.id)/themes", form: ["name": "System leadership"])
            try await s.ben.post("/workshops/\(s.id)/themes", form: ["name": "Community empowerment"])
            let duplicate = try await s.ben.post("/workshops/\(s.id)/themes", form: ["name": "system leadership"])
            let themes = try await WorkshopTheme.query(on: app.db).sort(\.$position).all()
            let moved = try await s.ben.post("/workshops/\(s.id)/post-its/\(notes[0].id!)/move", form: ["theme": themes[0].id!.uuidString])
            try await s.ben.post("/workshops/\(s.id)/post-its/\(notes[1].id!)/move", form: ["theme": themes[1].id!.uuidString])
            try await s.ann.post("/workshops/\(s.id)/themes/\(themes[1].id!)/votes", form: ["change": "add"])
            let renamed = try await s.ann.post("/workshops/\(s.id)/themes/\(themes[0].id!)", form: ["name": "System leadership of place"])
            // Another session with a theme of its own.
            let other = Workshop(title: "Other", purpose: "", questions: "Q", heldOn: "2027-02-01", format: .workshop, allowAnonymous: false,
                                 votesPerParticipant: 3, createdBy: nil)
            try await other.create(on: app.db)
            let foreign = WorkshopTheme(workshopID: other.id!, name: "Elsewhere", position: 1)
            try await foreign.create(on: app.db)
            let crossing = try await s.ann.post("/workshops/\(s.id)/post-its/\(notes[0].id!)/move", form: ["theme": foreign.id!.uuidString])
            let merged = try await s.facilitator.post("/workshops/\(s.id)/themes/\(themes[1].id!)", form: ["change": "merge", "into": themes[0].id!.uuidString])
            // check
            #expect(duplicate.status == .badRequest && duplicate.body.string.contains("There is already a theme called system leadership"))
            #expect(moved.status == .seeOther && renamed.status == .seeOther && merged.status == .seeOther)
            #expect(crossing.status == .badRequest && crossing.body.string.contains("cannot move to another session"))
            #expect(try await PostIt.find(notes[0].id, on: app.db)?.$theme.id == themes[0].id, "the refused move left it where it was")
            let left = try await WorkshopTheme.query(on: app.db).filter(\.$workshop.$id == s.id).all()
            #expect(left.map(\.name) == ["System leadership of place"])
            #expect(try await PostIt.query(on: app.db).filter(\.$theme.$id == themes[0].id!).count() == 2)
            #expect(try await WorkshopVote.query(on: app.db).filter(\.$theme.$id == themes[0].id!).count() == 1, "the vote moved with the merge")
            #expect(try await Fixtures.auditEvents(app).contains("delete workshop theme"))
        }
    }

    @Test("Votes: each person has the session's allowance; one more is refused with nothing written; a vote can be taken back")
    func votes() async throws {
        try await withApp { app in
            var s = try await Self.session(app, votes: "2")
            try await s.ann.post("/workshops/\(s.id)/themes", form: ["name": "Safe working"])
            let theme = try #require(try await WorkshopTheme.query(on: app.db).first())
            let path = "/workshops/\(s.id)/themes/\(theme.id!)/votes"
            // act
            let first = try await s.ann.post(path, form: ["change": "add"])
            let second = try await s.ann.post(path, form: ["change": "add"])
            let third = try await s.ann.post(path, form: ["change": "add"])
            let bens = try await s.ben.post(path, form: ["change": "add"])
            let page = try await s.ann.get("/workshops/\(s.id)/board")
            let back = try await s.ann.post(path, form: ["change": "remove"])
            let benBackTwice = try await s.ben.post(path, form: ["change": "remove"])
            let benNone = try await s.ben.post(path, form: ["change": "remove"])
            // check
            #expect(first.status == .seeOther && second.status == .seeOther && bens.status == .seeOther && back.status == .seeOther)
            #expect(third.status == .badRequest && third.body.string.contains("You have used all 2 of your votes"))
            #expect(page.body.string.contains("You have 0 of your 2 votes left."))
            #expect(page.body.string.contains("3 votes (2 yours)"))
            #expect(benBackTwice.status == .seeOther)
            #expect(benNone.status == .badRequest && benNone.body.string.contains("no vote on this theme"))
            #expect(try await WorkshopVote.query(on: app.db).count() == 1)
        }
    }

    @Test("Actions come out of the workshop into each owner's list, and the follow-through counts done, due and overdue")
    func actions() async throws {
        try await withApp { app in
            var s = try await Self.session(app)
            let today = CalendarDate.today
            try await s.facilitator.get("/workshops/\(s.id)/actions")
            // act
            let bad = try await s.facilitator.post("/workshops/\(s.id)/actions", form: ["description": "", "owner": "", "due_on": "soon"])
            let notThere = try await s.facilitator.post("/workshops/\(s.id)/actions", form: ["description": "X", "owner": UUID().uuidString])
            let late = try await s.facilitator.post("/workshops/\(s.id)/actions", form: ["description": "Map the local system", "owner": s.annPerson.id!.uuidString,
                                                                                         "due_on": DisplayFormat.ukDate(today.adding(days: -2).description)])
            try await s.facilitator.post("/workshops/\(s.id)/actions", form: ["description": "Set up reflection time", "owner": s.benPerson.id!.uuidString,
                                                                               "due_on": DisplayFormat.ukDate(today.adding(days: 20).description)])
            try await s.facilitator.post("/workshops/\(s.id)/actions", form: ["description": "Ask residents", "owner_ref": "O1"])
            let byAnn = try await s.ann.post("/workshops/\(s.id)/actions", form: ["description": "Sneaky", "owner": s.benPerson.id!.uuidString])
            let annList = try await s.ann.get("/actions")
            let ask = try #require(try await ActionItem.query(on: app.db).filter(\.$summary == "Ask residents").first())
            try await s.outsider.post("/actions/\(ask.id!)/status", form: ["status": "done"])
            let page = try await s.ann.get("/workshops/\(s.id)/actions")
            // check
            #expect(bad.status == .badRequest)
            for field in ["description", "owner", "due_on"] { #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field)") }
            #expect(notThere.body.string.contains("Choose one of the people taking part"))
            #expect(late.status == .seeOther)
            #expect(byAnn.status == .forbidden)
            #expect(try await ActionItem.query(on: app.db).count() == 3)
            #expect(annList.body.string.contains("Map the local system") && annList.body.string.contains("Workshop: Leadership of place, 14 January 2027"))
            #expect(annList.body.string.contains("Overdue"))
            #expect(page.body.string.contains("50% followed through (1 done, 1 overdue)"))
            let actions = try await ActionItem.query(on: app.db).all()
            #expect(actions.allSatisfy { $0.sourceValue == .workshop && $0.sourceID == s.id })
        }
    }

    @Test("The write-up renders Markdown inertly, is a draft until published, and reaches only its audience")
    func writeUp() async throws {
        try await withApp { app in
            var s = try await Self.session(app)
            let hostile = """
                # What we heard
                <script>alert('x')</script> and <img src=x onerror=alert(1)>
                [click](javascript:alert(1)) [ok](https://example.org/report) [mail](mailto:lead@example.org)
                """
            // act
            let draft = try await s.facilitator.post("/workshops/\(s.id)/write-up", form: ["write_up": hostile, "audience": "participants", "publish": "no"])
            let annDraft = try await s.ann.get("/workshops/\(s.id)/write-up")
            let noText = try await s.facilitator.post("/workshops/\(s.id)/write-up", form: ["write_up": "", "audience": "participants", "publish": "yes"])
            try await s.facilitator.post("/workshops/\(s.id)/write-up", form: ["write_up": hostile, "audience": "participants", "publish": "yes"])
            let annPublished = try await s.ann.get("/workshops/\(s.id)/write-up")
            let outsiderBefore = try await s.outsider.get("/workshops/\(s.id)/write-up")
            try await s.facilitator.post("/workshops/\(s.id)/write-up", form: ["write_up": hostile, "audience": "organisation", "publish": "yes"])
            let outsiderAfter = try await s.outsider.get("/workshops/\(s.id)/write-up")
            let outsiderBoard = try await s.outsider.get("/workshops/\(s.id)/board")
            let printed = try await s.outsider.get("/workshops/\(s.id)/write-up?print=1")
            // check
            #expect(draft.status == .seeOther)
            #expect(annDraft.body.string.contains("has not published the write-up yet"))
            #expect(!annDraft.body.string.contains("What we heard"))
            #expect(noText.status == .badRequest && noText.body.string.contains("Write the write-up before publishing it"))
            #expect(outsiderBefore.status == .notFound)
            #expect(outsiderAfter.status == .ok)
            #expect(outsiderBoard.status == .forbidden, "the audience reads the write-up, not the board")
            for html in [annPublished.body.string, printed.body.string] {
                #expect(html.contains("What we heard</h2>"))
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;script&gt;alert"))
                #expect(!html.contains("<img"))
                #expect(!html.contains("href=\"javascript:"))
                #expect(html.contains("href=\"https://example.org/report\""))
                #expect(html.contains("href=\"mailto:lead@example.org\""))
            }
        }
    }

    @Test("A series from the top-team template has its three workshops and one action log across them")
    func series() async throws {
        try await withApp { app in
            // setup
            var hr = try await RecruitmentFixtures.browser(app, "od@x.org", roles: [.hr])
            let lead = try await Fixtures.person(app, ref: "L1", name: "Leader")
            try await hr.get("/workshops/series/new")
            // act
            let bad = try await hr.post("/workshops/series", form: ["title": "", "template": "top-team", "first_on": "", "weeks": "0"])
            let made = try await hr.post("/workshops/series", form: ["title": "New cabinet 2027", "template": "top-team", "first_on": "03/06/2027", "weeks": "3"])
            let sessions = try await Workshop.query(on: app.db).sort(\.$seriesPosition).all()
            let series = try #require(try await WorkshopSeries.query(on: app.db).first())
            let third = sessions[2]
            try await hr.post("/workshops/\(third.id!)/participants", form: ["staff_numbers": "L1", "role": "participant"])
            try await hr.get("/workshops/\(third.id!)/actions")
            try await hr.post("/workshops/\(third.id!)/actions", form: ["description": "Agree the performance framework", "owner": lead.id!.uuidString])
            let page = try await hr.get("/workshops/series/\(series.id!)")
            // check
            #expect(bad.status == .badRequest)
            for field in ["title", "first_on", "weeks"] { #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field)") }
            #expect(made.status == .seeOther)
            #expect(sessions.map(\.title) == ["Workshop 1: The cabinet's priorities", "Workshop 2: A joint vision and working relationship",
                                              "Workshop 3: Strategic performance and joint working"])
            #expect(sessions.map(\.heldOn) == ["2027-06-03", "2027-06-24", "2027-07-15"])
            #expect(series.template == "top-team")
            #expect(page.body.string.contains("Agree the performance framework"))
            #expect(page.body.string.contains("No actions have come due yet"))
        }
    }

    @Test("A theme links to the framework's leadership themes and to risks; unknown codes are named; only facilitators link; post-its are removed by their author or a facilitator")
    func linksAndRemoval() async throws {
        try await withApp { app in
            // setup
            _ = try await RecruitmentFixtures.coreValues(app)
            let world = try await RiskTests.world(app)
            var owner = try await RiskTests.signedIn(app, "owner@x.org")
            let risk = try await RiskTests.raise(app, &owner, on: world.serviceRegister)
            var s = try await Self.session(app)
            let red = s.groups[0].id!.uuidString
            try await s.ann.post("/workshops/\(s.id)/themes", form: ["name": "Safe working"])
            let theme = try #require(try await WorkshopTheme.query(on: app.db).first())
            try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Ann's idea"])
            try await s.ben.post("/workshops/\(s.id)/post-its", form: ["group": s.groups[1].id!.uuidString, "text": "Ben's idea"])
            let notes = try await PostIt.query(on: app.db).sort(\.$createdAt).all()
            let path = "/workshops/\(s.id)/themes/\(theme.id!)/links"
            // act
            let byAnn = try await s.ann.post(path, form: ["elements": "PSL.T4", "risks": ""])
            let unknown = try await s.facilitator.post(path, form: ["elements": "PSL.T4, XX.9", "risks": "NOPE-1"])
            let unseen = try await s.facilitator.post(path, form: ["elements": "", "risks": risk.reference])
            // The risk's owner, made a facilitator, can link it.
            try await s.facilitator.post("/workshops/\(s.id)/participants", form: ["staff_numbers": "P1", "role": "facilitator"])
            try await owner.get("/workshops/\(s.id)/board")
            let linked = try await owner.post(path, form: ["elements": "PSL.T4, PSL.T3", "risks": risk.reference])
            let board = try await s.ben.get("/workshops/\(s.id)/board")
            let relinked = try await s.facilitator.post(path, form: ["elements": "PSL.T4", "risks": ""])
            let benRemovesAnns = try await s.ben.post("/workshops/\(s.id)/post-its/\(notes[0].id!)/delete")
            let annRemovesOwn = try await s.ann.post("/workshops/\(s.id)/post-its/\(notes[0].id!)/delete")
            let facilitatorRemoves = try await s.facilitator.post("/workshops/\(s.id)/post-its/\(notes[1].id!)/delete")
            // check
            #expect(byAnn.status == .forbidden)
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.string.contains("No single published framework element has the code XX.9"))
            #expect(unknown.body.string.contains("No risk you can see has the reference NOPE-1"))
            #expect(unseen.status == .badRequest && unseen.body.string.contains("No risk you can see has the reference \(risk.reference)"))
            #expect(linked.status == .seeOther && relinked.status == .seeOther)
            #expect(board.body.string.contains("PSL.T4 Safe working: psychological and physical"))
            #expect(board.body.string.contains("Risk \(risk.reference): Care staff shortage"))
            let links = try await WorkshopThemeLink.query(on: app.db).all()
            #expect(links.count == 1 && links[0].elementID != nil, "saving again replaces the links")
            #expect(benRemovesAnns.status == .forbidden)
            #expect(annRemovesOwn.status == .seeOther && facilitatorRemoves.status == .seeOther)
            #expect(try await PostIt.query(on: app.db).count() == 0)
        }
    }

    @Test("Facilitators post for guests without accounts; nobody else can; action owners are told of new actions")
    func guestsAndNotices() async throws {
        try await withApp { app in
            // setup
            var s = try await Self.session(app)
            try await s.facilitator.get("/workshops/\(s.id)")
            try await s.facilitator.post("/workshops/\(s.id)/participants", form: ["guest_name": "Cllr Jo Bloggs", "guest_organisation": "Cabinet"])
            let guest = try #require(try await WorkshopParticipant.query(on: app.db).filter(\.$guestName == "Cllr Jo Bloggs").first())
            let red = s.groups[0].id!.uuidString
            try await s.facilitator.get("/workshops/\(s.id)/board")
            // act
            let posted = try await s.facilitator.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Residents first", "guest": guest.id!.uuidString])
            let wrong = try await s.facilitator.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "X", "guest": s.groups[0].id!.uuidString])
            let byAnn = try await s.ann.post("/workshops/\(s.id)/post-its", form: ["group": red, "text": "Pretending", "guest": guest.id!.uuidString])
            let board = try await s.ben.get("/workshops/\(s.id)/board")
            try await s.facilitator.get("/workshops/\(s.id)/actions")
            try await s.facilitator.post("/workshops/\(s.id)/actions", form: ["description": "Write to residents", "owner": s.annPerson.id!.uuidString])
            let notices = try await s.ann.get("/notifications")
            // check
            #expect(posted.status == .seeOther)
            #expect(wrong.status == .badRequest && wrong.body.string.contains("Choose one of this session"))
            #expect(byAnn.status == .forbidden)
            #expect(board.body.string.contains("Cllr Jo Bloggs (Cabinet)"))
            let notes = try await PostIt.query(on: app.db).all()
            #expect(notes.count == 1 && notes[0].authorID == nil && notes[0].authorName == "Cllr Jo Bloggs (Cabinet)")
            #expect(notices.body.string.contains("An action for you from Leadership of place: Write to residents."))
        }
    }

    @Test("A write-up published to a chosen audience reaches the people in it, and only them; a bad rule is named")
    func chosenAudience() async throws {
        try await withApp { app in
            // setup
            var s = try await Self.session(app)
            let unit = try await Fixtures.unit(app, code: "HWY")
            let reader = try await Fixtures.person(app, ref: "H1", name: "Hana", unit: unit.id)
            try await Fixtures.account(app, email: "hana@x.org", personID: reader.id)
            var hana = Browser(app)
            try await hana.signIn(email: "hana@x.org")
            try await s.facilitator.get("/workshops/\(s.id)/write-up")
            let form = ["write_up": "# Notes", "audience": "chosen", "publish": "yes", "rule": "unit", "unit": "HWY"]
            // act
            let bad = try await s.facilitator.post("/workshops/\(s.id)/write-up", form: form.merging(["unit": "NOPE"]) { $1 })
            let hanaBefore = try await hana.get("/workshops/\(s.id)/write-up")
            let published = try await s.facilitator.post("/workshops/\(s.id)/write-up", form: form)
            let hanaAfter = try await hana.get("/workshops/\(s.id)/write-up")
            let outsider = try await s.outsider.get("/workshops/\(s.id)/write-up")
            let ann = try await s.ann.get("/workshops/\(s.id)/write-up")
            // check
            #expect(bad.status == .badRequest && bad.body.string.contains("href=\"#unit\""))
            #expect(hanaBefore.status == .notFound)
            #expect(published.status == .seeOther)
            #expect(hanaAfter.status == .ok && hanaAfter.body.string.contains("Notes</h2>"))
            #expect(ann.body.string.contains("for the people who took part and everyone in Unit HWY"))
            #expect(outsider.status == .notFound)
        }
    }
}
