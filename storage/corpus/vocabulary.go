package corpus

// The vocabulary of the corpus, taken from published council minutes:
// committees, topics, the standard resolutions and the rarer words (places,
// streets, names) that make a search selective.

var places = []string{
	"Sefton", "Knowsley", "Liverpool", "Wirral", "St Helens", "Halton", "Warrington", "Wigan", "Bolton", "Bury",
	"Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Blackpool", "Blackburn with Darwen",
	"Lancashire", "Cheshire East", "Cheshire West and Chester", "Cumberland", "Westmorland and Furness",
	"Sunderland", "Gateshead", "South Tyneside", "North Tyneside", "Newcastle", "Durham", "Darlington",
	"Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees", "Leeds", "Bradford", "Calderdale",
	"Kirklees", "Wakefield", "Barnsley", "Doncaster", "Rotherham", "Sheffield", "Hull", "York", "Derby",
	"Nottingham", "Leicester", "Rutland", "Coventry", "Solihull", "Walsall", "Wolverhampton", "Dudley",
	"Sandwell", "Birmingham", "Herefordshire", "Shropshire", "Telford and Wrekin", "Stoke-on-Trent",
	"Bristol", "Bath and North East Somerset", "Plymouth", "Torbay", "Cornwall", "Swindon", "Wiltshire",
	"Reading", "Slough", "Milton Keynes", "Luton", "Peterborough", "Southend-on-Sea", "Thurrock", "Medway",
	"Brighton and Hove", "Portsmouth", "Southampton", "Bournemouth, Christchurch and Poole", "Isle of Wight",
	"Camden", "Hackney", "Islington", "Lambeth", "Southwark", "Tower Hamlets", "Newham", "Croydon", "Barnet",
}

var bodies = []string{
	"Cabinet", "Planning Committee", "Licensing and Regulatory Committee", "Audit and Governance Committee",
	"Overview and Scrutiny Committee (Children's Services and Safeguarding)", "Overview and Scrutiny Committee (Adult Social Care and Health)",
	"Overview and Scrutiny Committee (Regeneration and Skills)", "Health and Wellbeing Board", "Safer Communities Partnership",
	"Children's Safeguarding Partnership", "Safeguarding Adults Board", "Schools Forum", "Corporate Parenting Board",
	"Pensions Committee", "Standards Committee", "Area Committee (Southport)", "Area Committee (Bootle)",
	"Climate Emergency Working Group", "Youth Justice Management Board", "Community Safety Partnership",
}

var topics = []string{
	"Community Safety Strategic Assessment", "Youth anti-social behaviour", "Domestic Abuse Strategy",
	"Violence Against Women and Girls", "Integrated Offender Management", "Prevent Duty", "Drug and Alcohol Services",
	"alternative provision", "Serious Violence Duty", "knife crime", "fly-tipping", "hate crime", "modern slavery",
	"county lines exploitation", "road safety", "Treasury Management Strategy", "Capital Programme",
	"Medium Term Financial Plan", "Local Plan", "Special Educational Needs and Disabilities", "school admissions",
	"Adult Social Care charging policy", "Better Care Fund", "Climate Emergency Action Plan",
	"Local Cycling and Walking Infrastructure Plan", "Housing Allocations Policy", "Homelessness Strategy",
	"Council Tax Reduction Scheme", "Internal Audit Plan", "Risk Management Strategy", "corporate complaints",
	"Public Health Annual Report", "Youth Justice Plan", "Safeguarding Children Partnership annual report",
	"Child and Adolescent Mental Health Services", "winter pressures", "hospital discharge", "carers' strategy",
	"Household Support Fund", "cost of living", "Levelling Up Fund bid", "town centre regeneration",
	"coastal erosion", "flood risk management", "air quality", "selective licensing of private rented housing",
	"taxi and private hire licensing policy", "gambling policy", "statement of licensing policy",
	"street lighting replacement", "highways maintenance", "libraries review", "leisure centres",
	"early help", "children looked after", "fostering recruitment", "youth service", "apprenticeships",
	"Shared Prosperity Fund", "neighbourhood policing", "anti-social behaviour powers", "CCTV provision",
	"Public Spaces Protection Order", "off-road motorcycles", "retail crime", "online safety",
	"suicide prevention", "healthy weight", "smoking cessation", "immunisation uptake", "dementia friendly communities",
}

var docs = []string{
	"Annual Report", "Strategy", "Action Plan", "Policy", "Business Plan", "Delivery Plan", "Terms of Reference",
	"Performance Report", "Risk Register", "Work Programme", "Budget Monitoring Report", "Statement of Accounts",
}

var officers = []string{
	"the Executive Director of Corporate Resources and Customer Services", "the Assistant Director of Children's Social Care",
	"the Head of Communities", "the Director of Public Health", "the Chief Legal and Democratic Officer",
	"the Executive Director for Adult Social Care and Health", "the Head of Strategic Support", "the Community Safety Manager",
	"the Localities Service Manager", "the Cabinet Member for Communities and Housing", "the Service Manager (Youth Justice)",
}

var orgs = []string{
	"Merseyside Police", "Merseyside Fire and Rescue Service", "Sefton CVS", "SWACA", "the Probation Service",
	"the Integrated Care Board", "Mersey Care NHS Foundation Trust", "Alder Hey Children's NHS Foundation Trust",
	"One Vision Housing", "Citizens Advice", "the Youth Justice Service", "Public Health", "Chesterfield High School",
	"the Office of the Police and Crime Commissioner", "the Department for Levelling Up, Housing and Communities",
}

var firstNames = []string{
	"Andrea", "Simon", "Tracy", "Graeme", "Kevin", "Helen", "Ros", "Sharron", "Sarah", "Jan", "Martin", "Neil", "Tony",
	"Sue", "Trish", "John", "Janette", "Adele", "Jen", "James", "Karen", "Chris", "Jenny", "Paul", "Ian", "Margaret",
	"David", "Susan", "Peter", "Linda", "Mark", "Julie", "Stephen", "Claire", "Gary", "Joanne", "Colin", "Dawn",
}

var surnames = []string{
	"Watts", "Burnett", "Forshaw", "Robson", "Sexton", "Armitage", "Stanley", "Cotterall", "Quick", "Marlow", "Cambers",
	"Frackelton", "Harland", "Holden", "Hardy", "Sayers", "Maxwell", "Maddocks", "Williams", "Gillett", "Rooney",
	"White", "Currie", "Fraser", "Barton", "McKeating", "Trubshaw", "Shaw", "Gay", "Hollis", "Atkinson", "Brennan",
	"Doyle", "Fairclough", "Gallagher", "Houghton", "Kirkbride", "Lunt", "Moorcroft", "Oxley", "Pennington",
	"Rimmer", "Threlfall", "Whiteside", "Ashcroft", "Blundell", "Gorst", "Halsall", "Molyneux", "Sephton",
}

// Rare words: streets and venues named in planning and licensing minutes.
var streets = []string{
	"Stanley Road", "Marsh Lane", "Linacre Road", "Hawthorne Road", "Moss Lane", "Liverpool Road", "Lord Street",
	"Scarisbrick Avenue", "Crosby Road North", "College Road", "Coronation Road", "Moor Lane", "Rainford Road",
	"Southport Road", "Formby Bypass", "Ince Blundell Road", "Lydiate Lane", "Meols Cop Road", "Cambridge Road",
	"Hesketh Drive", "Churchtown Village", "Birkdale Village", "Ainsdale Village", "Netherton Way", "Brunswick Street",
	"Aintree Lane", "Maghull Town Square", "Westway", "Bootle Strand", "Waterloo Road", "Blundellsands Road",
	"Hightown Road", "Altcar Road", "Sefton Lane", "Thornton Road", "Crosby Village", "Seaforth Road",
	"Litherland Road", "Orrell Road", "Knowsley Road", "Dunningsbridge Road", "Hatton Hill Road", "Copy Lane",
}

var venueNames = []string{
	"The Volunteer Canteen", "Kingsway Tavern", "Red Lion", "Blue Anchor", "The Fisherman's Rest", "Crown Hotel",
	"Scarisbrick Hotel", "The Grapes", "Railway Inn", "Bold Hotel", "Queens Hotel", "Ship Inn", "The Bakers Arms",
}
