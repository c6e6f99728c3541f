/// Names for synthetic staff, drawn from the mix of backgrounds a UK council's workforce has:
/// English, Scottish, Welsh, Irish, South Asian, African, Caribbean, East Asian and European.
/// A few carry accents, apostrophes or hyphens, so imports and emails meet them early.
enum SyntheticNames {
    static let given = [
        "Oliver", "Amelia", "George", "Olivia", "Harry", "Isla", "Jack", "Ava", "Noah", "Emily",
        "Charlie", "Sophie", "Thomas", "Grace", "James", "Lily", "William", "Chloe", "Daniel", "Ella",
        "Matthew", "Hannah", "Joseph", "Lucy", "Samuel", "Megan", "David", "Rebecca", "Michael", "Sarah",
        "Robert", "Elizabeth", "Christopher", "Katherine", "Andrew", "Victoria", "Richard", "Jennifer", "Stephen", "Margaret",
        "Mohammed", "Aisha", "Muhammad", "Fatima", "Ibrahim", "Maryam", "Yusuf", "Zainab", "Imran", "Nadia",
        "Arjun", "Priya", "Rohan", "Anjali", "Sanjay", "Kavita", "Harpreet", "Gurpreet", "Rajesh", "Sunita",
        "Chidi", "Ngozi", "Kwame", "Abena", "Tunde", "Folake", "Emeka", "Amara", "Kofi", "Adaeze",
        "Marcus", "Keisha", "Jermaine", "Shanice", "Tyrone", "Jade", "Delroy", "Marcia", "Wei", "Mei",
        "Hoang", "Linh", "Piotr", "Agnieszka", "Tomasz", "Katarzyna", "Andrei", "Elena", "Siân", "Rhys",
        "Dafydd", "Ffion", "Seán", "Niamh", "Ciarán", "Aoife", "Callum", "Eilidh", "Zoë", "Alex",
    ]

    static let family = [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
        "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
        "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill",
        "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen",
        "Khan", "Ahmed", "Ali", "Hussain", "Begum", "Rahman", "Akhtar", "Iqbal", "Shah", "Malik",
        "Singh", "Kaur", "Sharma", "Gupta", "Mistry", "Chauhan", "Joshi", "Kumar", "Okafor", "Adeyemi",
        "Mensah", "Owusu", "Okonkwo", "Balogun", "Campbell", "Francis", "Grant", "Henry", "Richards", "Bailey",
        "Chen", "Wang", "Li", "Nguyen", "Tran", "Kowalski", "Nowak", "Wiśniewska", "Popescu", "Ivanova",
        "MacDonald", "Stewart", "Fraser", "McKenzie", "Murray", "Reid", "O'Brien", "O'Connor", "Murphy", "Kelly",
        "Byrne", "Gallagher", "Llewellyn", "Pritchard", "Vaughan", "ap Rhys", "Smith-Jones", "Da Silva", "Costa", "Rossi",
    ]

    /// Short forms some people are known by; only names here ever get a preferred name.
    static let shortForms: [String: String] = [
        "Robert": "Rob", "Elizabeth": "Liz", "Christopher": "Chris", "Katherine": "Kate", "Andrew": "Andy",
        "Victoria": "Vicky", "Richard": "Rich", "Jennifer": "Jen", "Stephen": "Steve", "Margaret": "Maggie",
        "Matthew": "Matt", "Rebecca": "Becky", "Michael": "Mike", "Samuel": "Sam", "Thomas": "Tom",
        "William": "Will", "Daniel": "Dan", "Joseph": "Joe", "James": "Jim", "Katarzyna": "Kasia",
        "Agnieszka": "Aga", "Mohammed": "Mo", "Gurpreet": "Gurp", "Ibrahim": "Ibby", "Adaeze": "Ada",
    ]
}
